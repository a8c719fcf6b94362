/**
 * The HTTP benches' world: one seeded scratch database (tests/fixtures/scratch-db.ts: acme, globex,
 * alice@acme.test …) and `next start` servers of the built variants against it, all started with
 * the same secrets, so one signed-in cookie works on every server.
 * `DATABASE_URL` names the PostgreSQL server that hosts the scratch database.
 */
import { type AppServer, startApp } from '@/tests/fixtures/app-server';
import { createScratchDb, type ScratchDb } from '@/tests/fixtures/scratch-db';
import { signInAs } from '@/tests/fixtures/sign-in';
import { DIST_DIR, type Variant } from './next-variants';

export type ServerSpec = { name: string; variant: Variant; env: Record<string, string> };

export type BenchApps = {
  servers: Map<string, AppServer>;
  /** Cookie header of alice@acme.test (member of acme only). */
  cookie: string;
  /** Owner URL of the scratch database (a bench may add rows, e.g. a verified custom domain). */
  databaseUrl: string;
  stop: () => Promise<void>;
};

export async function startBenchApps(dirs: Partial<Record<Variant, string>>, specs: ServerSpec[]): Promise<BenchApps> {
  process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/postgres';
  const database: ScratchDb = await createScratchDb({ seed: true });
  const servers = new Map<string, AppServer>();
  const stop = async () => {
    await Promise.allSettled([...servers.values()].map((s) => s.stop()));
    await database.drop();
  };
  try {
    // allSettled: when one start fails, every server that did start is in `servers` for stop().
    const started = await Promise.allSettled(
      specs.map(async (spec) => {
        const cwd = dirs[spec.variant];
        if (!cwd) throw new Error(`variant ${spec.variant} was not built`);
        // LOG_LEVEL warn (startApp's default): a log line per request would measure pino, not routing.
        servers.set(spec.name, await startApp({ DATABASE_URL: database.url, ...spec.env }, { cwd, distDir: DIST_DIR }));
      }),
    );
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const first = servers.get(specs[0]?.name ?? '');
    if (!first) throw new Error('no servers');
    const cookie = await signInAs(first, 'acme.localhost', 'alice@acme.test');
    return { servers, cookie, databaseUrl: database.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

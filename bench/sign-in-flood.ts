/**
 * `npx tsx bench/sign-in-flood.ts [--quick] [--json]` — does a flood of bogus sign-ins stall other tenants?
 *
 * Measured in one run against one `next start` (the test build, tests/fixtures/app-server.ts): the
 * p99 latency of globex's `GET /api/tenant` (bob signed in) on its own, then the same while
 * FLOODERS concurrent clients post wrong passwords for unknown accounts to acme's credentials
 * callback. Reported: baseline p99 / flood p99 (1.0 = no effect). Target ≥ 0.25.
 *
 * Before issue 10 the hash was bcryptjs, pure JavaScript on the event loop: 20 concurrent bogus
 * sign-ins pushed this p99 from 28 ms to 0.7–6.1 s. Argon2id now runs on libuv's threadpool
 * (lib/auth/password.ts), and the per-IP and per-account budgets (lib/rate-limit/auth-throttle.ts)
 * refuse most of a flood before any hash. Each flood request sends its own X-Forwarded-For and
 * email, so what is measured is the hashing, not just the throttle (while the first hop is
 * trusted; with no trusted proxy configured the per-IP budget cuts the flood sooner still).
 */
import { ensureBuilt, requestAs, startApp } from '@/tests/fixtures/app-server';
import { createScratchDb } from '@/tests/fixtures/scratch-db';
import { signInAs } from '@/tests/fixtures/sign-in';
import { atLeast, type BenchRow, emit, flags, log } from './lib/report';

const TARGET = 0.25;
const FLOODERS = 20;
const SAMPLES = flags.quick ? 100 : 400;

const p99 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? Number.NaN;
};

async function main(): Promise<void> {
  process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/postgres';
  ensureBuilt();
  const database = await createScratchDb({ seed: true });
  const app = await startApp({
    DATABASE_URL: database.url,
    TENANT_RESOLVER: 'subdomain',
    TENANT_MAIN_DOMAIN: 'localhost',
    RATE_LIMIT_PREFIX: `bench-flood-${process.pid}-${Date.now()}`,
  });
  try {
    const bob = await signInAs(app, 'globex.localhost', 'bob@globex.test');
    const sample = async () => {
      const times: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const started = performance.now();
        const res = await requestAs(app, 'globex.localhost', '/api/tenant', { headers: { cookie: bob } });
        if (res.status !== 200 || !res.body.includes('globex')) throw new Error(`unexpected ${res.status}`);
        times.push(performance.now() - started);
      }
      return times;
    };
    await sample(); // warm-up
    const quiet = p99(await sample());
    log(`baseline p99 ${quiet.toFixed(1)} ms`);

    const csrf = await requestAs(app, 'acme.localhost', '/api/auth/csrf');
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const jar = String(csrf.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    let running = true;
    let attempts = 0;
    const flooder = async (n: number) => {
      for (let i = 0; running; i++) {
        const body = new URLSearchParams({ csrfToken, email: `nobody-${n}-${i}@acme.test`, password: 'wrong' });
        await requestAs(app, 'acme.localhost', '/api/auth/callback/credentials', {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: jar,
            'x-forwarded-for': `10.${n}.${(i >> 8) & 255}.${i & 255}`,
          },
          body: body.toString(),
        }).catch(() => {});
        attempts += 1;
      }
    };
    const flood = Array.from({ length: FLOODERS }, (_, n) => flooder(n));
    const loud = p99(await sample());
    running = false;
    await Promise.all(flood);
    log(`flood p99 ${loud.toFixed(1)} ms (${attempts} bogus sign-ins)`);

    const ratio = quiet / loud;
    const rows: BenchRow[] = [
      {
        section: 'sign-in flood',
        measurement: `other tenant's /api/tenant p99, quiet / during ${FLOODERS} concurrent bogus sign-ins`,
        ratio,
        target: `≥ ${TARGET}`,
        context: `p99 ${quiet.toFixed(1)} ms → ${loud.toFixed(1)} ms; ${attempts} sign-ins`,
        ok: atLeast(ratio, TARGET),
      },
    ];
    emit(rows);
  } finally {
    await app.stop();
    await database.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

/**
 * `npx tsx bench/edge-vs-node.ts [--quick] [--json]` — the middleware on the edge runtime against the
 * same code as `proxy.ts` on Node, in one run.
 *
 * Design: two production builds of the same tree (bench/lib/next-variants.ts): the app as it ships
 * (`middleware.ts`, edge runtime, run by `next start` in its edge sandbox) and the switch the README
 * documents (the file renamed to `proxy.ts`, function `proxy`, which Next 16 runs on Node). Same
 * resolvers, same header stripping, same rewrite; only the runtime differs. Both serve the same
 * requests, measured in alternating rounds (bench/lib/http-load.ts):
 * - the tenant dashboard (what users feel; the page's render dilutes the difference),
 * - `/api/tenant` (a near-empty route, so the middleware's share is large),
 * - `/api/tenant` with `TENANT_RESOLVER=session` (Auth.js token decryption in each runtime).
 * Timing the middleware inside Next's edge sandbox in-process (next/dist/server/web/sandbox) was
 * rejected: its entry points are internal and change between releases, and it would leave out
 * the plumbing that a real deployment pays. As context, the same function called directly in this
 * Node process gives the floor: what the middleware's own work costs with no server around it.
 */
import { startBenchApps } from './lib/bench-apps';
import { FULL, type HttpCase, measureCases, QUICK } from './lib/http-load';
import { loadMiddleware, microsPerCall } from './lib/middleware-in-process';
import { prepareVariants } from './lib/next-variants';
import { type BenchRow, emit, flags, log } from './lib/report';

const SUBDOMAIN = { TENANT_RESOLVER: 'subdomain', TENANT_MAIN_DOMAIN: 'localhost' };
const SESSION = { TENANT_RESOLVER: 'session', TENANT_MAIN_DOMAIN: 'localhost' };

async function main(): Promise<void> {
  const variants = prepareVariants(['middleware', 'proxy'], log);
  try {
    const apps = await startBenchApps(variants.dirs, [
      { name: 'edge', variant: 'middleware', env: SUBDOMAIN },
      { name: 'node', variant: 'proxy', env: SUBDOMAIN },
      { name: 'edge session', variant: 'middleware', env: SESSION },
      { name: 'node session', variant: 'proxy', env: SESSION },
    ]);
    try {
      const server = (name: string) => apps.servers.get(name) as NonNullable<ReturnType<typeof apps.servers.get>>;
      const tenantHost = { host: 'acme.localhost', cookie: apps.cookie };
      const page = { path: '/dashboard', headers: tenantHost, expect: 'Acme Corp Dashboard', refuse: 'Globex' };
      const api = { path: '/api/tenant', headers: tenantHost, expect: '"slug":"acme"', refuse: 'globex' };
      // No tenant in the host: the verified token's default-tenant claim picks acme.
      const sessionApi = { ...api, headers: { host: 'localhost', cookie: apps.cookie } };
      const cases: HttpCase[] = [
        { name: 'edge page', server: server('edge'), ...page },
        { name: 'node page', server: server('node'), ...page },
        { name: 'edge api', server: server('edge'), ...api },
        { name: 'node api', server: server('node'), ...api },
        { name: 'edge session api', server: server('edge session'), ...sessionApi },
        { name: 'node session api', server: server('node session'), ...sessionApi },
      ];
      const options = flags.quick ? QUICK : FULL;
      const { rps, ratios } = await measureCases(
        cases,
        [
          ['edge page', 'node page'],
          ['edge api', 'node api'],
          ['edge session api', 'node session api'],
        ],
        options,
        log,
      );
      const loaded = await loadMiddleware(SUBDOMAIN);
      const micros = await microsPerCall(
        loaded,
        'http://localhost:3000/dashboard',
        tenantHost,
        flags.quick ? 5_000 : 30_000,
      );

      const n = (name: string) => `${(rps.get(name) ?? 0).toFixed(0)}`;
      const row = (measurement: string, key: string, a: string, b: string, extra = ''): BenchRow => ({
        section: 'edge vs node',
        measurement,
        ratio: ratios.get(key) ?? null,
        target: '',
        context: `${n(a)} vs ${n(b)} rps${extra}`,
        ok: null,
      });
      const how = `; median of ${options.rounds} ABAB rounds x ${options.seconds} s`;
      emit([
        row('dashboard rps, edge middleware / node proxy.ts', 'edge page/node page', 'edge page', 'node page', how),
        row('/api/tenant rps, edge / node (subdomain)', 'edge api/node api', 'edge api', 'node api'),
        row(
          '/api/tenant rps, edge / node (session: verifies token)',
          'edge session api/node session api',
          'edge session api',
          'node session api',
        ),
        {
          section: 'edge vs node',
          measurement: 'middleware() called in-process on Node (subdomain)',
          ratio: null,
          target: '',
          context: `${micros.toFixed(1)} µs/call, no server around it`,
          ok: null,
        },
      ]);
    } finally {
      await apps.stop();
    }
  } finally {
    variants.cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, ensureBuilt, requestAs, startApp } from '../fixtures/app-server';
import { createScratchDb, type ScratchDb } from '../fixtures/scratch-db';
import { signInAs } from '../fixtures/sign-in';

/**
 * Mixed load: two tenants' members hammer their dashboards and `/api/tenant` at the same time
 * (1100 requests, 2 × 8 in flight, on one server and one database pool). Every response is read:
 * none may be a 5xx, each must name its own tenant, and none may contain a single name of the
 * other tenant — the failure a shared cache, a leaked AsyncLocalStorage or a pooled connection
 * carrying the wrong `app.tenant_id` would produce under concurrency, and never alone.
 *
 * A bounded promise pool over node:http (the Host header selects the tenant) rather than
 * autocannon: every body is checked, and the count is exact.
 */
type Stream = { host: string; email: string; own: RegExp; foreign: RegExp };

const STREAMS: Stream[] = [
  { host: 'acme.localhost', email: 'alice@acme.test', own: /Acme Corp/, foreign: /Globex|Hammock|Laser|Doomsday/i },
  { host: 'globex.localhost', email: 'bob@globex.test', own: /Globex/, foreign: /Acme|Anvil|Rocket|Magnet/i },
];
const PATHS = ['/dashboard', '/api/tenant'];
const PER_STREAM = 550;
const IN_FLIGHT = 8;

type Outcome = { host: string; path: string; status: number; ownOk: boolean; leak: string | null };

describe('mixed load across two tenants', () => {
  let database: ScratchDb;
  let app: AppServer;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    ensureBuilt();
    database = await createScratchDb({ seed: true });
    app = await startApp({ DATABASE_URL: database.url, TENANT_RESOLVER: 'subdomain', TENANT_MAIN_DOMAIN: 'localhost' });
    for (const s of STREAMS) cookies.set(s.host, await signInAs(app, s.host, s.email));
  });

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  async function run(stream: Stream): Promise<Outcome[]> {
    const cookie = cookies.get(stream.host) ?? '';
    const outcomes: Outcome[] = [];
    let next = 0;
    const worker = async () => {
      while (next < PER_STREAM) {
        const path = PATHS[next++ % PATHS.length] as string;
        const res = await requestAs(app, stream.host, path, { headers: { cookie } });
        outcomes.push({
          host: stream.host,
          path,
          status: res.status,
          ownOk: stream.own.test(res.body),
          leak: res.body.match(stream.foreign)?.[0] ?? null,
        });
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    return outcomes;
  }

  it('serves 1000+ concurrent requests for two tenants with no 5xx and no name of the other tenant', async () => {
    const outcomes = (await Promise.all(STREAMS.map(run))).flat();
    expect(outcomes.length).toBeGreaterThanOrEqual(1000);

    const errors = outcomes.filter((o) => o.status >= 500);
    expect(errors).toEqual([]);
    expect(outcomes.filter((o) => o.status !== 200)).toEqual([]);

    const leaks = outcomes.filter((o) => o.leak !== null);
    expect(leaks).toEqual([]);
    expect(outcomes.filter((o) => !o.ownOk)).toEqual([]);

    // Both tenants and both paths were really exercised.
    for (const s of STREAMS)
      for (const p of PATHS)
        expect(outcomes.filter((o) => o.host === s.host && o.path === p).length).toBeGreaterThan(200);
  }, 120_000);
});

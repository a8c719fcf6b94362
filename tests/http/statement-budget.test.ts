import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, ensureBuilt, requestAs, startApp } from '../fixtures/app-server';
import { createScratchDb, type ScratchDb } from '../fixtures/scratch-db';
import { signInAs } from '../fixtures/sign-in';

/**
 * The per-page SQL budget (docs/benchmarks.md): a signed-in tenant page runs at most 5 statements and
 * never the same one twice. Counted from outside the process: with DB_LOG_STATEMENTS=on every
 * statement the pools send (RLS `set_config` included) is a JSON line on the server's stdout.
 */
const BUDGET = 5;
let database: ScratchDb;
let app: AppServer;
let cookie: string;

function statementsIn(logs: string): string[] {
  return logs
    .split('\n')
    .filter((line) => line.startsWith('{"area":"sql"'))
    .map((line) => (JSON.parse(line) as { statement: string }).statement);
}

async function statementsFor(path: string): Promise<string[]> {
  const before = app.logs().length;
  const res = await requestAs(app, 'acme.localhost', path, { headers: { cookie } });
  expect(res.status).toBe(200);
  await new Promise((r) => setTimeout(r, 300)); // let stdout drain
  return statementsIn(app.logs().slice(before));
}

beforeAll(async () => {
  ensureBuilt();
  database = await createScratchDb({ seed: true });
  app = await startApp({
    DATABASE_URL: database.url,
    TENANT_RESOLVER: 'subdomain',
    TENANT_MAIN_DOMAIN: 'localhost',
    DB_LOG_STATEMENTS: 'on',
    DB_RLS: 'on',
  });
  cookie = await signInAs(app, 'acme.localhost', 'alice@acme.test');
});

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

describe.each(['/dashboard', '/documents', '/members'])('signed-in %s', (path) => {
  it(`runs at most ${BUDGET} SQL statements, none repeated`, async () => {
    // The first request warms the tenant cache and leaves the pool's connections on acme, as a
    // steady stream of one tenant's requests does; a tenant switch adds one pipelined set_config.
    await statementsFor(path);
    const statements = await statementsFor(path);
    expect(statements.length, statements.join('\n')).toBeGreaterThan(0);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(BUDGET);
    const queries = statements.filter((s) => !s.startsWith('select set_config'));
    expect(new Set(queries).size, statements.join('\n')).toBe(queries.length);
  });
});

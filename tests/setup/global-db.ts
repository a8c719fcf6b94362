// Test database server for the whole vitest run (called from tests/setup/global-setup.ts).
//   1. DATABASE_URL set → that server hosts the scratch databases (CI: the real PostgreSQL).
//      Unset → an embedded PostgreSQL in a temp dir; DATABASE_URL is set for the workers, which
//      are forked after global setup and inherit process.env.
//   2. A template database gets every migration in prisma/migrations (`migrate deploy`, through the
//      offline engine when needed), once. createScratchDb() clones it: CREATE DATABASE … TEMPLATE.
//   3. Teardown drops the template and any scratch database of this run, and stops the server.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../scripts/embedded-db.mjs';

const root = join(import.meta.dirname, '..', '..');

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export async function adminQuery(adminUrl: string, sql: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}

/** Applies prisma/migrations to `url` with `prisma migrate deploy`; throws with its output on failure. */
export function migrateDeploy(url: string): void {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'prisma.mjs'), 'migrate', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`prisma migrate deploy failed:\n${r.stdout}\n${r.stderr}`);
}

/** Drops this run's template and scratch databases (by their shared name prefix). */
async function dropRunDatabases(adminUrl: string, runId: string): Promise<void> {
  const { rows } = await adminQuery(adminUrl, 'SELECT datname FROM pg_database WHERE datname LIKE $1', [
    `tenantry_%${runId}%`,
  ]);
  for (const { datname } of rows as Array<{ datname: string }>) {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

export async function setupTestDatabase(): Promise<() => Promise<void>> {
  let stopEmbedded: (() => Promise<void>) | null = null;
  let tempDir: string | null = null;
  if (!process.env.DATABASE_URL) {
    tempDir = mkdtempSync(join(tmpdir(), 'tenantry-pg-'));
    // As root the server runs as the `postgres` user, which must be able to enter the directory.
    chmodSync(tempDir, 0o755);
    const server = await startEmbeddedPostgres({ dir: join(tempDir, 'data'), port: 0, persistent: false });
    process.env.DATABASE_URL = server.url;
    stopEmbedded = server.stop;
  }
  const adminUrl = process.env.DATABASE_URL as string;

  const runId = randomBytes(4).toString('hex');
  const template = `tenantry_tpl_${runId}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${template}"`);
  migrateDeploy(withDatabase(adminUrl, template));
  process.env.TENANTRY_TEMPLATE_DB = template;
  process.env.TENANTRY_TEST_RUN = runId;

  return async () => {
    await dropRunDatabases(adminUrl, runId).catch((error: unknown) => console.warn('dropping test databases:', error));
    if (stopEmbedded) await stopEmbedded();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
}

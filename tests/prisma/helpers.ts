// Helpers for the Prisma CLI suites: run `node scripts/prisma.mjs` against a database of our own,
// and make throw-away project copies (schema + migrations) under .data/ (git-ignored; prisma.config.ts
// must sit where `prisma/config` resolves).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { adminQuery, withDatabase } from '../setup/global-db';

export const root = join(import.meta.dirname, '..', '..');

export type CliResult = { status: number | null; output: string };

export function prismaCli(args: string[], url: string, extraEnv: Record<string, string | undefined> = {}): CliResult {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'prisma.mjs'), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, ...extraEnv },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

/** A new empty database (no migrations) on the test server. */
export async function createEmptyDb(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const admin = process.env.DATABASE_URL as string;
  const name = `tenantry_t_${process.env.TENANTRY_TEST_RUN ?? 'adhoc'}_${randomBytes(5).toString('hex')}`;
  await adminQuery(admin, `CREATE DATABASE "${name}"`);
  return {
    name,
    url: withDatabase(admin, name),
    drop: async () => {
      await adminQuery(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

export async function count(url: string, sql: string): Promise<number> {
  const { rows } = await adminQuery(url, sql);
  return Number((rows[0] as { n: string | number }).n);
}

/** A copy of prisma/schema.prisma and prisma/migrations with its own prisma.config.ts. */
export function tempProject(): { dir: string; config: string; schema: string; migrations: string; remove(): void } {
  const dir = join(root, '.data', `prisma-test-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  const schema = join(dir, 'schema.prisma');
  const migrations = join(dir, 'migrations');
  cpSync(join(root, 'prisma', 'schema.prisma'), schema);
  cpSync(join(root, 'prisma', 'migrations'), migrations, { recursive: true });
  const config = join(dir, 'prisma.config.ts');
  writeFileSync(
    config,
    `import { defineConfig } from 'prisma/config';
export default defineConfig({
  schema: ${JSON.stringify(schema)},
  migrations: { path: ${JSON.stringify(migrations)}, seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
`,
  );
  return { dir, config, schema, migrations, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// The Prisma CLI through scripts/prisma.mjs (offline stand-in engine when no native engine exists),
// against databases of our own: migrate deploy / status / dev / reset and db execute.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, createEmptyDb, prismaCli, root, tempProject } from './helpers';

const migrationDirs = () => readdirSync(join(root, 'prisma', 'migrations')).filter((d) => /^\d+_/.test(d));

describe('migrate deploy and status', () => {
  let db: Awaited<ReturnType<typeof createEmptyDb>>;
  beforeAll(async () => {
    db = await createEmptyDb();
  });
  afterAll(() => db.drop());

  it('reports pending migrations on an empty database', () => {
    const r = prismaCli(['migrate', 'status'], db.url);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/not yet been applied/);
  });

  it('applies every committed migration, in order, once', async () => {
    const r = prismaCli(['migrate', 'deploy'], db.url);
    expect(r.output).toMatch(/successfully applied/);
    expect(r.status).toBe(0);
    const applied = await count(db.url, 'SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL');
    expect(applied).toBe(migrationDirs().length);
    expect(
      await count(db.url, `SELECT count(*) AS n FROM pg_tables WHERE tablename IN ('Tenant', 'Item', 'Membership')`),
    ).toBe(3);
  });

  it('finds nothing to do the second time', () => {
    const r = prismaCli(['migrate', 'deploy'], db.url);
    expect(r.status).toBe(0);
    expect(r.output).toMatch(/No pending migrations/);
  });

  it('says the schema is up to date once deployed', () => {
    const r = prismaCli(['migrate', 'status'], db.url);
    expect(r.status).toBe(0);
    expect(r.output).toMatch(/Database schema is up to date/);
  });

  it('finds no drift between the migrations and the schema', () => {
    const r = prismaCli(
      ['migrate', 'diff', '--from-config-datasource', '--to-schema', 'prisma/schema.prisma', '--exit-code'],
      db.url,
    );
    expect(r.status).toBe(0);
  });

  it('runs a DO $$ block with semicolons inside as one script (db execute)', async () => {
    const script = `DO $$ BEGIN CREATE TABLE "Probe" (v text); INSERT INTO "Probe" VALUES ('a;b'); END $$;`;
    const file = join(root, '.data', `probe-${db.name}.sql`);
    mkdirSync(join(root, '.data'), { recursive: true });
    writeFileSync(file, script);
    const r = prismaCli(['db', 'execute', '--file', file], db.url);
    rmSync(file, { force: true });
    expect(r.status, r.output).toBe(0);
    expect(await count(db.url, `SELECT count(*) AS n FROM "Probe" WHERE v = 'a;b'`)).toBe(1);
  });
});

describe('migrate dev', () => {
  let db: Awaited<ReturnType<typeof createEmptyDb>>;
  let project: ReturnType<typeof tempProject>;
  beforeAll(async () => {
    db = await createEmptyDb();
    project = tempProject();
  });
  afterAll(async () => {
    project.remove();
    await db.drop();
  });

  it('applies the committed migrations and creates none when the schema matches them', () => {
    const before = readdirSync(project.migrations).length;
    const r = prismaCli(['migrate', 'dev', '--config', project.config], db.url);
    expect(r.status, r.output).toBe(0);
    expect(readdirSync(project.migrations)).toHaveLength(before);
  });

  it('writes and applies a new migration for a schema change', async () => {
    writeFileSync(
      project.schema,
      `${readFileSync(project.schema, 'utf8')}\nmodel Widget {\n  id    String @id\n  label String\n}\n`,
    );
    const r = prismaCli(['migrate', 'dev', '--name', 'add_widget', '--config', project.config], db.url);
    expect(r.status, r.output).toBe(0);
    const created = readdirSync(project.migrations).filter((d) => d.endsWith('_add_widget'));
    expect(created).toHaveLength(1);
    const sql = readFileSync(join(project.migrations, created[0] as string, 'migration.sql'), 'utf8');
    expect(sql).toMatch(/CREATE TABLE "Widget"/);
    expect(await count(db.url, `SELECT count(*) AS n FROM pg_tables WHERE tablename = 'Widget'`)).toBe(1);
  });

  it('is a no-op right after (already in sync)', () => {
    const before = readdirSync(project.migrations).length;
    const r = prismaCli(['migrate', 'dev', '--name', 'nothing', '--config', project.config], db.url);
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/Already in sync/);
    expect(readdirSync(project.migrations)).toHaveLength(before);
  });
});

describe('migrate reset', () => {
  let db: Awaited<ReturnType<typeof createEmptyDb>>;
  beforeAll(async () => {
    db = await createEmptyDb();
  });
  afterAll(() => db.drop());

  it('drops the data and re-applies every migration', async () => {
    expect(prismaCli(['migrate', 'deploy'], db.url).status).toBe(0);
    await count(
      db.url,
      `INSERT INTO "Tenant" (id, slug, name, "updatedAt") VALUES ('t1', 'zeta', 'Zeta', now()) RETURNING 1 AS n`,
    );
    const r = prismaCli(['migrate', 'reset', '--force'], db.url);
    expect(r.status, r.output).toBe(0);
    expect(await count(db.url, 'SELECT count(*) AS n FROM "Tenant"')).toBe(0);
    expect(await count(db.url, 'SELECT count(*) AS n FROM _prisma_migrations')).toBe(migrationDirs().length);
  });
});

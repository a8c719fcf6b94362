// The offline engine's pg adapter factory closes adapter-pg's three gaps (scripts/prisma-engine/pg-factory.mjs).
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgFactory } from '../../scripts/prisma-engine/pg-factory.mjs';
import { adminQuery } from '../setup/global-db';
import { createEmptyDb } from './helpers';

const CHARACTER = 6; // ColumnTypeEnum.Character
const CHAR_QUERY = { sql: `SELECT 'r'::"char" AS kind, 'x'::text AS label`, args: [], argTypes: [] };

describe('pg factory for the offline schema engine', () => {
  let db: Awaited<ReturnType<typeof createEmptyDb>>;
  beforeAll(async () => {
    db = await createEmptyDb();
  });
  afterAll(() => db.drop());

  it('plain adapter-pg rejects the "char" type (the gap this closes)', async () => {
    const adapter = await new PrismaPg({ connectionString: db.url }).connect();
    try {
      await expect(adapter.queryRaw(CHAR_QUERY)).rejects.toThrow(/UnsupportedNativeDataType|char/);
    } finally {
      await adapter.dispose();
    }
  });

  it('reads "char" columns as Character, other columns unchanged', async () => {
    const adapter = await createPgFactory({ url: db.url }).connect();
    try {
      const result = await adapter.queryRaw(CHAR_QUERY);
      expect(result.rows).toEqual([['r', 'x']]);
      expect(result.columnTypes[0]).toBe(CHARACTER);
      expect(result.columnTypes[1]).not.toBe(CHARACTER);
    } finally {
      await adapter.dispose();
    }
  });

  it('runs a script with a DO $$ block as one piece', async () => {
    const adapter = await createPgFactory({ url: db.url }).connect();
    try {
      await adapter.executeScript(`CREATE TABLE t (v text); DO $$ BEGIN INSERT INTO t VALUES ('a;b'); END $$;`);
    } finally {
      await adapter.dispose();
    }
    const { rows } = await adminQuery(db.url, 'SELECT v FROM t');
    expect(rows).toEqual([{ v: 'a;b' }]);
  });

  it('gives the shadow connection its own database and drops it on dispose', async () => {
    const shadow = await createPgFactory({ url: db.url }).connectToShadowDb();
    const result = await shadow.queryRaw({ sql: 'SELECT current_database()', args: [], argTypes: [] });
    const name = result.rows[0]?.[0] as string;
    expect(name).toMatch(/^prisma_migrate_shadow_db_/);
    expect(name).not.toBe(db.name);
    await shadow.dispose();
    const { rowCount } = await adminQuery(db.url, 'SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    expect(rowCount).toBe(0);
  });
});

// A migration-aware pg driver-adapter factory for the offline schema engine (schema-engine.mjs).
//
// It is `@prisma/adapter-pg` with the three gaps that break the WebAssembly schema engine closed:
//   1. adapter-pg refuses Postgres's one-byte `"char"` type (oid 18), which the engine's catalog
//      queries return (pg_class.relkind, pg_constraint.contype, ...). Our pg Client relabels such
//      columns as `text` before the adapter sees them (the value is already a one-letter string),
//      and the adapter then reports them as `Character`, which the engine reads as a Rust char
//      (as Text it panics: PostgreSQL 18 lists NOT NULL constraints, contype 'n').
//   2. adapter-pg's `connectToShadowDb` spreads the database name into a config that also holds a
//      `connectionString`, which wins, so the "shadow" pool is the main database. We build the
//      shadow URL ourselves, and drop the shadow database only after its pool has ended.
//   3. adapter-pg's `executeScript` splits on `;`, which cuts `DO $$ ... $$` blocks and function
//      bodies apart. We send the whole script as one simple query, like the native engine does.
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

const CHAR_OID = 18;
const TEXT_OID = 25;
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

/** A pg Client that reports `"char"` columns as `text` (gap 1). */
class CharAsTextClient extends pg.Client {
  constructor(config) {
    super(config);
    // Runs before the client's own rowDescription handler, so the result's fields already say text.
    this.connection.prependListener('rowDescription', (msg) => {
      for (const field of msg.fields) {
        if (field.dataTypeID === CHAR_OID) {
          field.dataTypeID = TEXT_OID;
          field.wasChar = true;
        }
      }
    });
  }
}

function poolConfig(url, max) {
  return { connectionString: url, max, Client: CharAsTextClient };
}

function schemaOf(url) {
  try {
    return new URL(url).searchParams.get('schema') ?? undefined;
  } catch {
    return undefined;
  }
}

/** `url` with its database name replaced (the path of a postgres:// URL is the database). */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

/** Makes `queryRaw` of an adapter or transaction report relabelled `"char"` columns as Character. */
function reportCharColumns(queryable) {
  const charColumns = new WeakMap(); // keyed by the query object both methods receive
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const indexes = result.fields.flatMap((f, i) => (f.wasChar ? [i] : []));
    if (indexes.length > 0) charColumns.set(query, indexes);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(query) ?? []) result.columnTypes[i] = CHARACTER_COLUMN;
    return result;
  };
  return queryable;
}

/** Opens an adapter on `url`, with the whole-script `executeScript` (gap 3). */
async function openAdapter(url, release) {
  const factory = new PrismaPg(poolConfig(url, 4), { schema: schemaOf(url) });
  const adapter = await factory.connect();
  const pool = adapter.underlyingDriver();
  reportCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => reportCharColumns(await startTransaction(isolationLevel));
  adapter.executeScript = async (script) => {
    try {
      // No parameters → pg uses the simple-query protocol, which accepts many statements at once.
      await pool.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  if (release) {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await release();
    };
  }
  return adapter;
}

/** Runs one script on `url` as a single simple query (used by `db execute`). */
export async function runScript(url, script) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(script);
  } finally {
    await client.end();
  }
}

/**
 * The factory the engine calls: `connect()` for the datasource, `connectToShadowDb()` for a
 * throw-away database (or the configured `shadowDatabaseUrl`, which is used as given).
 */
export function createPgFactory({ url, shadowDatabaseUrl }) {
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => openAdapter(url),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) return openAdapter(shadowDatabaseUrl);
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await runScript(url, `CREATE DATABASE ${quoteIdent(name)}`);
      // Gap 2: drop after the shadow pool has closed its connections (the adapter ends it first).
      return openAdapter(withDatabase(url, name), () =>
        runScript(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
      );
    },
  };
}

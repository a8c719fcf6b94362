/**
 * The tenant export: one zip with `<Model>.ndjson` per tenant-owned model (one JSON row a line) and
 * `manifest.json` (tenant, schema version, per-model row counts, redacted columns), streamed.
 *
 * Invariants:
 * - The models are the schema graph's (tables.ts): a new tenant-owned model is exported without a
 *   code change; a table without `tenantId` never is.
 * - Every read is `WHERE "tenantId" = $1`: no row of another tenant can enter the archive.
 * - Bounded memory: rows are read in keyset pages of `pageSize` (by id) and each page is compressed
 *   and handed to the consumer before the next is read; the generator is pull-driven, so a slow
 *   download slows the reads instead of filling memory.
 * - One snapshot: every page is read in one REPEATABLE READ, READ ONLY transaction on a connection
 *   of its own (the owner role), so the files agree with each other even while the tenant is in use.
 *   A plain pg client, not Prisma's raw queries: those cost about 4x per page (bench/export.ts).
 * - Hashes of secrets (API key and invitation token hashes) are left out and listed in the manifest.
 * Tests: tests/lifecycle/export.test.ts; bench/export.ts measures rows/s and peak memory.
 */
import { Zip, ZipDeflate } from 'fflate';
import pg from 'pg';
import { readDbConfig, schemaVersion, tenantModelGraph } from '@/lib/db';
import type { ModelGraph } from '@/lib/db/tenant-models';
import { ownerQuery } from './sql';
import { quoteIdent, tenantTables } from './tables';

export const EXPORT_FORMAT = 'tenantry-export/1';

export type ExportManifest = {
  format: typeof EXPORT_FORMAT;
  tenant: { id: string; slug: string; name: string };
  schemaVersion: string;
  exportedAt: string;
  models: Record<string, { file: string; rows: number; redacted: string[] }>;
};

export type ExportOptions = { graph?: ModelGraph; pageSize?: number; level?: 0 | 1 | 6 | 9 };

/** Yields the zip archive in chunks. Throws (before the first chunk) for an unknown tenant. */
export async function* exportTenant(tenantId: string, options: ExportOptions = {}): AsyncGenerator<Uint8Array> {
  const graph = options.graph ?? tenantModelGraph();
  const pageSize = Math.max(1, Math.trunc(options.pageSize ?? 2000));
  const level = options.level ?? 6;
  const tenant = (
    await ownerQuery<{ id: string; slug: string; name: string }>(
      'SELECT "id", "slug", "name" FROM "Tenant" WHERE "id" = $1',
      tenantId,
    )
  )[0];
  if (!tenant) throw new Error('exportTenant: unknown tenant');

  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  const drain = function* (): Generator<Uint8Array> {
    if (failure) throw failure;
    while (out.length > 0) yield out.shift() as Uint8Array;
  };
  const encoder = new TextEncoder();
  const manifest: ExportManifest = {
    format: EXPORT_FORMAT,
    tenant,
    schemaVersion: await schemaVersion(),
    exportedAt: new Date().toISOString(),
    models: {},
  };

  const client = new pg.Client({ connectionString: readDbConfig().url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    yield* writeModels();
    await client.query('COMMIT');
  } finally {
    await client.end().catch(() => undefined);
  }

  async function* writeModels(): AsyncGenerator<Uint8Array> {
    for (const { model, table, redacted } of tenantTables(graph)) {
      const file = `${model}.ndjson`;
      const entry = new ZipDeflate(file, { level });
      zip.add(entry);
      const t = quoteIdent(table);
      // `to_jsonb(row) - 'col'` drops redacted columns in the database; the text is the NDJSON line.
      const json = redacted.reduce((expr, col) => `${expr} - '${col}'`, 'to_jsonb(r)');
      let rows = 0;
      // Keyset pages on the primary key (an index walk, not a sort of the whole tenant per page).
      let after: unknown = null;
      for (;;) {
        const { rows: page } = await client.query<{ k: unknown; j: string }>(
          // The JSON is built over the page only (the subquery), whatever plan the database picks.
          `SELECT r."id" AS "k", (${json})::text AS "j" FROM (SELECT * FROM ${t}
             WHERE "tenantId" = $1 ${after === null ? '' : 'AND "id" > $2'} ORDER BY "id" LIMIT ${pageSize}) r
           ORDER BY r."id"`,
          after === null ? [tenantId] : [tenantId, after],
        );
        if (page.length === 0) break;
        rows += page.length;
        after = page[page.length - 1]?.k ?? after;
        entry.push(encoder.encode(`${page.map((r) => r.j).join('\n')}\n`));
        yield* drain();
        if (page.length < pageSize) break;
      }
      entry.push(new Uint8Array(0), true);
      yield* drain();
      manifest.models[model] = { file, rows, redacted: [...redacted] };
    }
  }

  const last = new ZipDeflate('manifest.json', { level });
  zip.add(last);
  last.push(encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`), true);
  zip.end();
  yield* drain();
}

/** The export as a web stream for a route handler (pull-driven: backpressure reaches the reads). */
export function exportStream(tenantId: string, options: ExportOptions = {}): ReadableStream<Uint8Array> {
  const chunks = exportTenant(tenantId, options);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

export function exportFileName(slug: string, now = new Date()): string {
  return `${slug}-export-${now.toISOString().slice(0, 10)}.zip`;
}

import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelGraph } from '@/lib/db/tenant-models';
import { type ExportManifest, exportStream, exportTenant } from '@/lib/lifecycle/export';
import { seededDbForSuite, tenantId } from '../accounts/scratch';
import { addNotes, countsOf, fillTenant, graphWithNoteModel } from './fixtures';

seededDbForSuite();

let graph: ModelGraph;
let acme: string;
let globex: string;

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

function readArchive(zip: Uint8Array): { manifest: ExportManifest; rows: Record<string, Record<string, unknown>[]> } {
  const files = unzipSync(zip);
  const text = (name: string) => new TextDecoder().decode(files[name]);
  const manifest = JSON.parse(text('manifest.json')) as ExportManifest;
  const rows: Record<string, Record<string, unknown>[]> = {};
  for (const [model, { file }] of Object.entries(manifest.models)) {
    rows[model] = text(file)
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }
  return { manifest, rows };
}

beforeAll(async () => {
  graph = await graphWithNoteModel();
  acme = await tenantId('acme');
  globex = await tenantId('globex');
  await fillTenant(acme, 'acme');
  await fillTenant(globex, 'globex');
  await addNotes(acme, 25, 'acme');
  await addNotes(globex, 5, 'globex');
});

describe('tenant export', () => {
  it('contains every row of the tenant and none of another, counted in the manifest', async () => {
    const { manifest, rows } = readArchive(await collect(exportTenant(acme, { graph, pageSize: 4 })));
    expect(manifest.format).toBe('tenantry-export/1');
    expect(manifest.tenant.slug).toBe('acme');
    expect(manifest.schemaVersion).toMatch(/^\d{14}_/);
    const expected = await countsOf(graph, acme);
    expect(Object.keys(manifest.models).sort()).toEqual(Object.keys(expected).sort());
    for (const [model, n] of Object.entries(expected)) {
      expect(manifest.models[model]?.rows, model).toBe(n);
      expect(rows[model], model).toHaveLength(n);
      expect(new Set(rows[model]?.map((r) => r.id)).size, `${model} ids unique`).toBe(n);
      for (const row of rows[model] ?? []) expect(row.tenantId, model).toBe(acme);
    }
    expect(JSON.stringify(rows)).not.toContain(globex);
  });

  it('exports a model added to the schema in the test, without code changes', async () => {
    const { manifest, rows } = readArchive(await collect(exportTenant(acme, { graph })));
    expect(manifest.models.Note?.rows).toBe(25);
    expect(rows.Note?.map((r) => r.body)).toContain('acme note 24');
  });

  it('leaves hashes of secrets out and says so', async () => {
    const { manifest, rows } = readArchive(await collect(exportTenant(acme, { graph })));
    expect(manifest.models.ApiKey?.redacted).toEqual(['keyHash']);
    expect(manifest.models.Note?.redacted).toEqual(['secretHash']);
    expect(rows.ApiKey?.[0]).not.toHaveProperty('keyHash');
    expect(JSON.stringify(rows)).not.toContain('do-not-export');
  });

  it('streams as a web ReadableStream that a Response can carry', async () => {
    const response = new Response(exportStream(acme, { graph }));
    const { manifest } = readArchive(new Uint8Array(await response.arrayBuffer()));
    expect(manifest.models.Item?.rows).toBe(3);
  });

  it('refuses an unknown tenant', async () => {
    await expect(collect(exportTenant('no-such-tenant', { graph }))).rejects.toThrow(/unknown tenant/);
  });
});

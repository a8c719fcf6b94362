// Shared setup of the lifecycle suites: a model added to the schema in the test, and per-model counts.
import { expect } from 'vitest';
import { createId } from './ids';
import { tenantModelGraph, withoutTenant } from '@/lib/db';
import { buildModelGraph, type ModelGraph } from '@/lib/db/tenant-models';
import { createPrismaClient } from '@/lib/db/prisma';
import { tenantTables } from '@/lib/lifecycle/tables';

type RuntimeField = { name: string; kind: string; type: string; relationName?: string };
type RuntimeDataModel = { models: Record<string, { fields: RuntimeField[] }> };

/**
 * The app's model graph plus `Note`, a tenant-owned model that exists only in this test: a table
 * created in the scratch database and a model added to the schema text and data model the graph is
 * derived from (buildModelGraph, the same derivation the Prisma extension uses). The lifecycle code
 * gets no hint beyond the graph.
 */
export async function graphWithNoteModel(): Promise<ModelGraph> {
  await withoutTenant(async (c) => {
    await c.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "Note" (
      "id" TEXT PRIMARY KEY, "tenantId" TEXT NOT NULL REFERENCES "Tenant"("id") ON DELETE RESTRICT,
      "body" TEXT NOT NULL, "secretHash" TEXT)`);
  });
  const client = createPrismaClient('postgresql://unused@127.0.0.1:1/none') as unknown as Record<string, unknown>;
  const dataModel = structuredClone(client._runtimeDataModel) as RuntimeDataModel;
  const schema = (client._engineConfig as { inlineSchema: string }).inlineSchema;
  dataModel.models.Note = {
    fields: [
      { name: 'id', kind: 'scalar', type: 'String' },
      { name: 'tenantId', kind: 'scalar', type: 'String' },
      { name: 'body', kind: 'scalar', type: 'String' },
      { name: 'secretHash', kind: 'scalar', type: 'String' },
      { name: 'tenant', kind: 'object', type: 'Tenant', relationName: 'NoteToTenant' },
    ],
  };
  const noteSchema = `${schema}
model Note {
  id         String @id
  tenantId   String
  body       String
  secretHash String?
  tenant     Tenant @relation(fields: [tenantId], references: [id], onDelete: Restrict)
}
`;
  const graph = buildModelGraph(dataModel, noteSchema);
  // The app's own graph is a subset: the test model is the only addition.
  expect(new Set([...graph.keys()].filter((k) => !tenantModelGraph().has(k)))).toEqual(new Set(['Note']));
  return graph;
}

export async function addNotes(tenantId: string, n: number, tag: string): Promise<void> {
  await withoutTenant(async (c) => {
    for (let i = 0; i < n; i++) {
      await c.$executeRawUnsafe(
        'INSERT INTO "Note" ("id", "tenantId", "body", "secretHash") VALUES ($1, $2, $3, $4)',
        createId(),
        tenantId,
        `${tag} note ${i}`,
        'do-not-export',
      );
    }
  });
}

/** Rows per tenant-owned table of the graph, for one tenant (model by model). */
export async function countsOf(graph: ModelGraph, tenantId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const { model, table } of tenantTables(graph)) {
    const rows = await withoutTenant((c) =>
      c.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS "n" FROM "${table}" WHERE "tenantId" = $1`, tenantId),
    );
    out[model] = Number(rows[0]?.n ?? 0);
  }
  return out;
}

/** Gives a tenant at least one row of every app model the seed leaves empty. */
export async function fillTenant(tenantId: string, tag: string): Promise<void> {
  await withoutTenant(async (c) => {
    await c.auditLog.create({ data: { tenantId, action: `seed.${tag}` } });
    await c.invitation.create({
      data: {
        tenantId,
        email: `${tag}@invite.test`,
        tokenHash: `tok-${tag}-${createId()}`,
        expiresAt: new Date(Date.now() + 1e7),
      },
    });
    await c.apiKey.create({
      data: { tenantId, name: `key ${tag}`, prefix: 'tnt_x', keyHash: `hash-${tag}-${createId()}` },
    });
    await c.subscription.create({ data: { tenantId, stripeCustomerId: `cus-${tag}-${createId()}` } });
    await c.billingEvent.create({
      data: { id: `evt-${tag}-${createId()}`, tenantId, type: 'seed', stripeCreatedAt: new Date(), payload: {} },
    });
    await c.jobOutbox.create({
      data: { tenantId, name: `seed-${tag}`, key: `seed-${tag}-${createId()}`, payload: { tag } },
    });
    await c.tenantDomain.create({ data: { tenantId, hostname: `${tag}-${createId()}.example.com`, token: 'tok' } });
  });
}

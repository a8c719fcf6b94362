// Scratch database, two seeded tenants and B-snapshots for the isolation matrix.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createTenantDb, type TenantDb } from '@/lib/db/clients';
import { deriveAppUrl } from '@/lib/db/config';
import type { PrismaClient } from '@/lib/db/generated/client';
import { delegateKey, type ModelGraph } from '@/lib/db/tenant-models';
import { createScratchDb } from '../fixtures/scratch-db';

export type Mode = { name: 'extension' | 'rls' | 'both'; rls: boolean; extension: boolean };
export const MODES: Mode[] = [
  { name: 'extension', rls: false, extension: true },
  { name: 'rls', rls: true, extension: false },
  { name: 'both', rls: true, extension: true },
];

/** A migrated scratch database (the shared fixture) plus the app role's URL for the RLS modes. */
export async function createIsolationDb(): Promise<{ url: string; appUrl: string; drop(): Promise<void> }> {
  const database = await createScratchDb();
  return { url: database.url, appUrl: deriveAppUrl(database.url), drop: database.drop };
}

type Row = Record<string, unknown>;
/** Per tenant-owned model: valid create data (without tenant) and a harmless scalar update. */
export const MODEL_SPECS: Record<string, { data(tag: string): Row; update: Row }> = {
  Membership: { data: () => ({}), update: { role: 'ADMIN' } },
  Item: { data: (tag) => ({ name: `item-${tag}` }), update: { name: `renamed-${randomUUID()}` } },
  Document: { data: (tag) => ({ title: `doc-${tag}`, body: 'secret' }), update: { title: 'changed' } },
  AuditLog: { data: (tag) => ({ action: `act-${tag}` }), update: { action: 'changed' } },
  Invitation: {
    data: (tag) => ({ email: `${tag}@x.test`, tokenHash: `tok-${tag}`, expiresAt: new Date(Date.now() + 86_400_000) }),
    update: { email: 'changed@x.test' },
  },
  ApiKey: {
    data: (tag) => ({ name: `key-${tag}`, prefix: 'tk_', keyHash: `hash-${tag}` }),
    update: { name: 'changed' },
  },
  // One per tenant (tenantId is unique), like Membership per user.
  Subscription: { data: (tag) => ({ stripeCustomerId: `cus-${tag}` }), update: { plan: 'enterprise' } },
  BillingEvent: {
    data: (tag) => ({ id: `evt-${tag}-${randomUUID()}`, type: 'test', stripeCreatedAt: new Date(), payload: {} }),
    update: { outcome: 'changed' },
  },
  JobOutbox: {
    data: (tag) => ({ name: `job-${tag}`, key: `key-${tag}`, payload: { tag } }),
    update: { name: 'changed' },
  },
  TenantDomain: {
    data: (tag) => ({ hostname: `${tag}-${randomUUID().slice(0, 8)}.example.com`, token: `tok-${tag}` }),
    update: { lastError: 'changed' },
  },
};

export type Seeded = {
  a: string;
  b: string;
  /** A user who is a member of both tenants and created items in both. */
  shared: string;
  /** Ids of B's rows per model. */
  bRows: Record<string, string[]>;
  aRows: Record<string, string[]>;
};

export async function seedTwoTenants(admin: PrismaClient, graph: ModelGraph): Promise<Seeded> {
  const suffix = randomUUID().slice(0, 8);
  const a = (await admin.tenant.create({ data: { slug: `acme-${suffix}`, name: 'Acme' } })).id;
  const b = (await admin.tenant.create({ data: { slug: `globex-${suffix}`, name: 'Globex' } })).id;
  const shared = (await admin.user.create({ data: { email: `shared-${suffix}@x.test` } })).id;
  const rows: Record<string, Record<string, string[]>> = { [a]: {}, [b]: {} };
  for (const [tenantId, label] of [
    [a, 'a'],
    [b, 'b'],
  ] as const) {
    for (const model of tenantModels(graph)) {
      const spec = MODEL_SPECS[model];
      if (!spec) throw new Error(`isolation seed: add ${model} to MODEL_SPECS`);
      const ids: string[] = [];
      const count = model === 'Membership' || model === 'Subscription' ? 1 : 2;
      for (let i = 0; i < count; i++) {
        const extra: Row =
          model === 'Membership' ? { userId: shared } : model === 'Item' ? { createdById: shared } : {};
        const created = await delegate(admin, model).create({
          data: { ...spec.data(`${label}${i}-${suffix}`), ...extra, tenantId },
        });
        ids.push(String((created as Row).id));
      }
      (rows[tenantId] as Record<string, string[]>)[model] = ids;
    }
  }
  return { a, b, shared, aRows: rows[a] as Record<string, string[]>, bRows: rows[b] as Record<string, string[]> };
}

export function tenantModels(graph: ModelGraph): string[] {
  return [...graph.values()].filter((m) => m.tenantOwned).map((m) => m.name);
}

type Call = (args?: unknown) => Promise<unknown>;
const OPS = [
  'findMany',
  'findFirst',
  'findUnique',
  'findFirstOrThrow',
  'findUniqueOrThrow',
  'count',
  'aggregate',
  'groupBy',
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'upsert',
  'delete',
  'deleteMany',
] as const;
export type AnyDelegate = Record<(typeof OPS)[number], Call>;
/** A model delegate by model name, typed loosely: the matrix drives every model through the same calls. */
export function delegate(client: object, model: string): AnyDelegate {
  const d = (client as Record<string, AnyDelegate | undefined>)[delegateKey(model)];
  if (!d) throw new Error(`no delegate for ${model}`);
  return d;
}

/** Every row of every tenant-owned model belonging to `tenantId`, read by the owner. */
export async function snapshot(admin: PrismaClient, graph: ModelGraph, tenantId: string): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const model of tenantModels(graph)) {
    out[model] = await delegate(admin, model).findMany({ where: { tenantId }, orderBy: { id: 'asc' } });
  }
  out.itemCreators = await admin.item.findMany({
    where: { tenantId },
    select: { id: true, createdById: true },
    orderBy: { id: 'asc' },
  });
  out.tenant = await admin.tenant.findUnique({ where: { id: tenantId } });
  return out;
}

export type ModeEnv = { mode: Mode; tdb: TenantDb; seeded: Seeded; bBefore: unknown };

export async function openMode(mode: Mode, db: { url: string; appUrl: string }): Promise<ModeEnv> {
  const tdb = createTenantDb({ url: db.url, appUrl: db.appUrl, rls: mode.rls, extension: mode.extension, poolSize: 5 });
  const seeded = await seedTwoTenants(tdb.admin, tdb.graph);
  return { mode, tdb, seeded, bBefore: await snapshot(tdb.admin, tdb.graph, seeded.b) };
}

/**
 * Registers one mode's hooks in the surrounding describe: seed A and B, then after EVERY test
 * assert B's rows are exactly as before (the invariant each attack must keep), and disconnect.
 * The returned object is filled in beforeAll, so read it only inside tests.
 */
export function isolationModeSuite(mode: Mode, database: () => { url: string; appUrl: string }): ModeEnv {
  const env = {} as ModeEnv;
  beforeAll(async () => {
    Object.assign(env, await openMode(mode, database()));
  });
  afterEach(async () => {
    expect(await snapshot(env.tdb.admin, env.tdb.graph, env.seeded.b)).toEqual(env.bBefore);
  });
  afterAll(async () => {
    await env.tdb?.disconnect();
  });
  return env;
}

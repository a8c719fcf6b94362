import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutTenant } from '@/lib/db';
import type { ModelGraph } from '@/lib/db/tenant-models';
import { purgeDueTenants, purgeTenant } from '@/lib/lifecycle/purge';
import { scheduleDeletion } from '@/lib/lifecycle/status';
import { getTenantStateStore, resetStateStores } from '@/lib/state';
import { seededDbForSuite, tenantId } from '../accounts/scratch';
import { addNotes, countsOf, fillTenant, graphWithNoteModel } from './fixtures';

seededDbForSuite();

let graph: ModelGraph;
let acme: string;
let globex: string;

beforeAll(async () => {
  graph = await graphWithNoteModel();
  acme = await tenantId('acme');
  globex = await tenantId('globex');
  for (const [id, tag] of [
    [acme, 'acme'],
    [globex, 'globex'],
  ] as const) {
    await fillTenant(id, tag);
    await addNotes(id, 7, tag);
    await getTenantStateStore(id).set('draft', { tag });
  }
});
afterAll(async () => {
  await resetStateStores();
});

describe('purge', () => {
  it('starts from a tenant with rows in every tenant-owned model (the one added in the test too)', async () => {
    const counts = await countsOf(graph, acme);
    expect(Object.keys(counts)).toContain('Note');
    for (const [model, n] of Object.entries(counts)) expect(n, model).toBeGreaterThan(0);
  });

  it('removes every row of the tenant and leaves the other tenant unchanged, model by model', async () => {
    const globexBefore = await countsOf(graph, globex);
    const result = await purgeTenant(acme, { graph, batchSize: 2 });
    expect(result.deleted.Note).toBe(7);
    for (const [model, n] of Object.entries(await countsOf(graph, acme))) expect(n, model).toBe(0);
    expect(await countsOf(graph, globex)).toEqual(globexBefore);
    const tenant = await withoutTenant((c) => c.tenant.findUnique({ where: { id: acme } }));
    expect(tenant).toBeNull();
    expect(await getTenantStateStore(acme).get('draft')).toBeNull();
    expect(await getTenantStateStore(globex).get('draft')).toEqual({ tag: 'globex' });
    // Users are not tenant-owned: alice loses her membership, not her account.
    expect(await withoutTenant((c) => c.user.count({ where: { email: 'alice@acme.test' } }))).toBe(1);
  });

  it('is idempotent: purging a tenant that is gone changes nothing', async () => {
    const globexBefore = await countsOf(graph, globex);
    const again = await purgeTenant(acme, { graph });
    expect(Object.values(again.deleted).every((n) => n === 0)).toBe(true);
    expect(await countsOf(graph, globex)).toEqual(globexBefore);
  });
});

describe('a purge killed midway', () => {
  it('is picked up again by purgeDueTenants and finishes', async () => {
    const victim = await withoutTenant((c) => c.tenant.create({ data: { slug: 'victim', name: 'Victim' } }));
    await fillTenant(victim.id, 'victim');
    await addNotes(victim.id, 10, 'victim');
    const globexBefore = await countsOf(graph, globex);
    const now = new Date();
    await scheduleDeletion(victim.id, { now, graceDays: 0 });

    // Killed after the second batch: an exception out of the progress hook stops the run there.
    let batches = 0;
    const kill = () => {
      batches += 1;
      if (batches === 2) throw new Error('killed');
    };
    await expect(purgeDueTenants(now, { graph, batchSize: 3, onProgress: kill })).rejects.toThrow('killed');
    const midway = await countsOf(graph, victim.id);
    expect(Object.values(midway).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(await withoutTenant((c) => c.tenant.count({ where: { id: victim.id } }))).toBe(1);

    expect(await purgeDueTenants(now, { graph, batchSize: 3 })).toEqual([victim.id]);
    for (const [model, n] of Object.entries(await countsOf(graph, victim.id))) expect(n, model).toBe(0);
    expect(await withoutTenant((c) => c.tenant.count({ where: { id: victim.id } }))).toBe(0);
    expect(await countsOf(graph, globex)).toEqual(globexBefore);
  });

  it('purges nothing before the grace period is over', async () => {
    const later = await withoutTenant((c) => c.tenant.create({ data: { slug: 'later', name: 'Later' } }));
    const now = new Date();
    await scheduleDeletion(later.id, { now, graceDays: 30 });
    expect(await purgeDueTenants(now, { graph })).toEqual([]);
    expect(await withoutTenant((c) => c.tenant.count({ where: { id: later.id } }))).toBe(1);
  });
});

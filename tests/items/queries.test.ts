import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { withoutTenant } from '@/lib/db';
import { isUniqueViolation } from '@/lib/db/unique-violation';
import { deleteItem, insertItem, listItems, renameItem } from '@/lib/items/queries';
import { seededDbForSuite, tenantId } from '../accounts/scratch';
import { SEEDED } from '../fixtures/tenants';

seededDbForSuite();

const unique = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

describe('item queries', () => {
  it('list only the tenant’s own items, oldest first', async () => {
    const [acme, globex] = await Promise.all([listItems(await tenantId('acme')), listItems(await tenantId('globex'))]);
    expect(acme.map((i) => i.name).slice(0, 3)).toEqual([...SEEDED.acme.items]);
    expect(globex.map((i) => i.name).slice(0, 3)).toEqual([...SEEDED.globex.items]);
    expect(acme.some((i) => globex.some((g) => g.id === i.id))).toBe(false);
    expect(await listItems(await tenantId('acme'), { limit: 2 })).toHaveLength(2);
  });

  it('insert into the given tenant and report a taken name instead of throwing', async () => {
    const acme = await tenantId('acme');
    const name = unique('Widget');
    const first = await insertItem(acme, { name, createdById: null });
    expect(first).toMatchObject({ ok: true, item: { name } });
    expect(await insertItem(acme, { name, createdById: null })).toEqual({ ok: false, reason: 'taken' });
    // Names are unique per tenant only.
    expect((await insertItem(await tenantId('globex'), { name, createdById: null })).ok).toBe(true);
  });

  it('rename and delete only within the tenant: another tenant’s id is not found', async () => {
    const [acme, globex] = [await tenantId('acme'), await tenantId('globex')];
    const [theirs] = await listItems(globex);
    if (!theirs) throw new Error('seed has no globex items');
    expect(await renameItem(acme, { id: theirs.id, name: 'pwned' })).toEqual({ ok: false, reason: 'not-found' });
    expect(await deleteItem(acme, theirs.id)).toBe(false);
    const row = await withoutTenant((c) =>
      c.item.findUniqueOrThrow({ where: { id: theirs.id }, select: { name: true } }),
    );
    expect(row.name).toBe(theirs.name);
  });

  it('rename reports a taken name, and delete removes the item', async () => {
    const acme = await tenantId('acme');
    const [a, b] = [unique('A'), unique('B')];
    const created = await insertItem(acme, { name: a, createdById: null });
    await insertItem(acme, { name: b, createdById: null });
    if (!created.ok) throw new Error('insert failed');
    expect(await renameItem(acme, { id: created.item.id, name: b })).toEqual({ ok: false, reason: 'taken' });
    expect(await renameItem(acme, { id: created.item.id, name: unique('C') })).toEqual({ ok: true });
    expect(await deleteItem(acme, created.item.id)).toBe(true);
    expect(await deleteItem(acme, created.item.id)).toBe(false);
  });
});

describe('isUniqueViolation', () => {
  it('recognises the database refusing a duplicate, and nothing else', async () => {
    const acme = await tenantId('acme');
    const name = unique('Dup');
    const create = () => withoutTenant((c) => c.item.create({ data: { tenantId: acme, name }, select: { id: true } }));
    await create();
    const error = await create().then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('P2002'))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});

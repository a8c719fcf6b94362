import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createItemAction, deleteItemAction, renameItemAction } from '@/lib/items/actions';
import { type ActionRequest, ActionError, runTenantAction } from '@/lib/actions/run-tenant-action';
import type { SessionUser } from '@/lib/auth/session';
import { forTenant } from '@/lib/db';
import { resetRateLimiters } from '@/lib/rate-limit';
import type { TenantInfo } from '@/lib/tenants/tenant-info';
import { loadTenantBySlug } from '@/lib/tenants/tenant-store';
import { sessionUser, useSeededDb } from './helpers';

/**
 * The action wrapper, step by step, with the real item actions and the real database. Each
 * refusal also checks that NOTHING was written (no item, no audit entry).
 */
describe('tenantAction', () => {
  let close: () => Promise<void>;
  let acme: TenantInfo;
  let globex: TenantInfo;
  let alice: SessionUser;
  let bob: SessionUser;
  let carol: SessionUser;

  const as = (user: SessionUser | null, tenant: TenantInfo | null): ActionRequest => ({
    user,
    tenant,
    ip: '203.0.113.7',
  });
  const items = (t: TenantInfo) => forTenant(t.id).item.findMany({ select: { id: true, name: true } });
  const audits = (t: TenantInfo) => forTenant(t.id).auditLog.findMany({ orderBy: { createdAt: 'asc' } });

  beforeAll(async () => {
    ({ close } = await useSeededDb());
    const [a, g] = await Promise.all([loadTenantBySlug('acme'), loadTenantBySlug('globex')]);
    if (!a || !g) throw new Error('seed missing tenants');
    acme = a;
    globex = g;
    [alice, bob, carol] = await Promise.all([
      sessionUser('alice@acme.test'),
      sessionUser('bob@globex.test'),
      sessionUser('carol@both.test'),
    ]);
  });
  afterAll(() => close());

  beforeEach(() => {
    process.env.RATE_LIMIT_PREFIX = `test-${randomUUID()}`;
    delete process.env.REDIS_URL;
    resetRateLimiters();
  });
  afterEach(() => {
    delete process.env.RATE_LIMIT_FREE;
    resetRateLimiters();
  });

  it('creates the item in the request tenant and writes the audit entry', async () => {
    const name = `Widget ${randomUUID().slice(0, 8)}`;
    const before = (await audits(acme)).length;
    const { state } = await runTenantAction(createItemAction.def, createItemAction.body, { name }, as(carol, acme));
    expect(state).toMatchObject({ ok: true });
    expect((await items(acme)).map((i) => i.name)).toContain(name);
    expect((await items(globex)).map((i) => i.name)).not.toContain(name);
    const log = await audits(acme);
    expect(log).toHaveLength(before + 1);
    expect(log.at(-1)).toMatchObject({ userId: carol.id, action: 'items.create', ip: '203.0.113.7', data: { name } });
  });

  it('returns field errors for invalid input and writes nothing', async () => {
    const [itemsBefore, auditBefore] = [(await items(acme)).length, (await audits(acme)).length];
    const { state } = await runTenantAction(
      createItemAction.def,
      createItemAction.body,
      { name: '   ' },
      as(alice, acme),
    );
    expect(state.ok).toBe(false);
    if (state.ok) return;
    expect(state.fieldErrors?.name?.[0]).toBe('Enter a name');
    expect(await items(acme)).toHaveLength(itemsBefore);
    expect(await audits(acme)).toHaveLength(auditBefore);
  });

  it('refuses a non-member with "Not found" and writes nothing', async () => {
    const itemsBefore = (await items(globex)).length;
    const { state } = await runTenantAction(
      createItemAction.def,
      createItemAction.body,
      { name: 'sneaky' },
      as(alice, globex),
    );
    expect(state).toEqual({ ok: false, error: 'Not found' });
    expect(await items(globex)).toHaveLength(itemsBefore);
  });

  it('refuses a signed-out request', async () => {
    const { state } = await runTenantAction(createItemAction.def, createItemAction.body, { name: 'x' }, as(null, acme));
    expect(state).toEqual({ ok: false, error: 'Sign in first' });
  });

  it('refuses a request with no tenant', async () => {
    const { state } = await runTenantAction(
      createItemAction.def,
      createItemAction.body,
      { name: 'x' },
      as(alice, null),
    );
    expect(state).toEqual({ ok: false, error: 'Not found' });
  });

  it('enforces the permission table: a MEMBER may not delete, an ADMIN+ may', async () => {
    const created = await runTenantAction(
      createItemAction.def,
      createItemAction.body,
      { name: `Del ${randomUUID().slice(0, 8)}` },
      as(carol, acme),
    );
    const id = (created.state as { data: { id: string } }).data.id;
    const refused = await runTenantAction(deleteItemAction.def, deleteItemAction.body, { id }, as(carol, acme));
    expect(refused.state).toEqual({ ok: false, error: 'You do not have permission to do that' });
    expect((await items(acme)).map((i) => i.id)).toContain(id);
    const allowed = await runTenantAction(deleteItemAction.def, deleteItemAction.body, { id }, as(alice, acme));
    expect(allowed.state.ok).toBe(true);
    expect((await items(acme)).map((i) => i.id)).not.toContain(id);
  });

  it('cannot rename or delete another tenant’s item by id', async () => {
    const [target] = await items(globex);
    if (!target) throw new Error('seed has no globex items');
    const rename = await runTenantAction(
      renameItemAction.def,
      renameItemAction.body,
      { id: target.id, name: 'pwned' },
      as(alice, acme),
    );
    expect(rename.state).toEqual({ ok: false, error: 'Item not found' });
    const del = await runTenantAction(deleteItemAction.def, deleteItemAction.body, { id: target.id }, as(alice, acme));
    expect(del.state).toEqual({ ok: false, error: 'Item not found' });
    expect((await items(globex)).find((i) => i.id === target.id)?.name).toBe(target.name);
  });

  it('reports a duplicate name on the field, without an audit entry', async () => {
    const name = `Dup ${randomUUID().slice(0, 8)}`;
    await runTenantAction(createItemAction.def, createItemAction.body, { name }, as(bob, globex));
    const before = (await audits(globex)).length;
    const { state } = await runTenantAction(createItemAction.def, createItemAction.body, { name }, as(bob, globex));
    expect(state).toMatchObject({ ok: false, fieldErrors: { name: ['An item with this name already exists'] } });
    expect(await audits(globex)).toHaveLength(before);
  });

  it('stops at the plan’s rate limit with a retry delay and writes nothing', async () => {
    process.env.RATE_LIMIT_FREE = '2';
    resetRateLimiters();
    const run = (name: string) =>
      runTenantAction(createItemAction.def, createItemAction.body, { name }, as(bob, globex));
    expect((await run(`RL1 ${randomUUID()}`)).state.ok).toBe(true);
    expect((await run(`RL2 ${randomUUID()}`)).state.ok).toBe(true);
    const third = `RL3 ${randomUUID()}`;
    const { state } = await run(third);
    expect(state.ok).toBe(false);
    if (!state.ok) expect(state.error).toMatch(/^Too many requests, retry in \d+s$/);
    expect((await items(globex)).map((i) => i.name)).not.toContain(third);
  });

  it('keeps secrets out of the audit data', async () => {
    const def = {
      name: 'test.secret',
      permission: 'items.create' as const,
      schema: z.object({ label: z.string(), password: z.string() }),
    };
    await runTenantAction(def, async () => ({ message: 'ok' }), { label: 'l', password: 'hunter2' }, as(alice, acme));
    const entry = (await audits(acme)).at(-1);
    expect(entry).toMatchObject({ action: 'test.secret', data: { label: 'l', password: '[redacted]' } });
  });

  it('runs the body inside the tenant scope and audits nothing when it refuses', async () => {
    const before = (await audits(acme)).length;
    const def = { name: 'test.refuse', permission: 'items.create' as const, schema: z.object({}) };
    const { state } = await runTenantAction(
      def,
      async () => {
        throw new ActionError('Nope', { field: ['bad'] });
      },
      {},
      as(alice, acme),
    );
    expect(state).toEqual({ ok: false, error: 'Nope', fieldErrors: { field: ['bad'] } });
    expect(await audits(acme)).toHaveLength(before);
  });
});

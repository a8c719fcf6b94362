import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/api-keys';
import { authenticateApiKey } from '@/lib/api-keys/authenticate';
import { runTenantAction } from '@/lib/actions/run-tenant-action';
import { checkMembershipIn } from '@/lib/auth/membership';
import { SUSPENDED_MESSAGE } from '@/lib/auth/suspended';
import type { SessionUser } from '@/lib/auth/session';
import { tenantModelGraph } from '@/lib/db';
import { createItemAction } from '@/lib/items/actions';
import { deleteTenantAction, restoreTenantAction } from '@/lib/lifecycle/actions';
import {
  isTenantActive,
  restoreTenant,
  scheduleDeletion,
  suspendTenant,
  tenantStatus,
  unsuspendTenant,
} from '@/lib/lifecycle/status';
import { resetRateLimiters } from '@/lib/rate-limit';
import type { TenantInfo } from '@/lib/tenants/tenant-info';
import { loadTenantBySlug } from '@/lib/tenants/tenant-store';
import { countsOf } from '../lifecycle/fixtures';
import { sessionUser, useSeededDb } from '../auth/helpers';

let close: () => Promise<void>;
let globex: TenantInfo;
let bob: SessionUser;

beforeAll(async () => {
  ({ close } = await useSeededDb());
  const g = await loadTenantBySlug('globex');
  if (!g) throw new Error('seed missing globex');
  globex = g;
  bob = await sessionUser('bob@globex.test');
});
afterAll(() => close());
beforeEach(() => {
  process.env.RATE_LIMIT_PREFIX = `test-${randomUUID()}`;
  delete process.env.REDIS_URL;
  resetRateLimiters();
});

const request = () => ({ user: bob, tenant: globex, ip: null });

describe('suspension', () => {
  it('blocks pages, actions, API keys and jobs, loses nothing, and unsuspending restores everything', async () => {
    const graph = tenantModelGraph();
    const { key } = await createApiKey({ tenantId: globex.id, userId: bob.id, name: 'ci' });
    const apiHeaders = new Headers({ authorization: `Bearer ${key}`, 'x-tenant-id': 'globex' });
    expect((await authenticateApiKey(apiHeaders)).ok).toBe(true);
    const before = await countsOf(graph, globex.id);

    expect(await suspendTenant(globex.id, 'unpaid')).toBe(true);
    // Pages (the guard) and route handlers, including the realtime token route, read this.
    expect(await checkMembershipIn(globex, bob.id, 'MEMBER', true)).toMatchObject({ status: 'ok', suspended: true });
    // Actions: refused, nothing written.
    const refused = await runTenantAction(createItemAction.def, createItemAction.body, { name: 'During' }, request());
    expect(refused.state).toEqual({ ok: false, error: SUSPENDED_MESSAGE });
    // API keys: 403.
    expect(await authenticateApiKey(apiHeaders)).toEqual({ ok: false, status: 403, error: SUSPENDED_MESSAGE });
    // Jobs: the runner asks this before running a tenant's job.
    expect(await isTenantActive(globex.id)).toBe(false);
    expect(await countsOf(graph, globex.id)).toEqual(before);

    expect(await unsuspendTenant(globex.id)).toBe(true);
    expect(await checkMembershipIn(globex, bob.id, 'MEMBER', true)).toMatchObject({ status: 'ok', suspended: false });
    expect((await authenticateApiKey(apiHeaders)).ok).toBe(true);
    expect(await isTenantActive(globex.id)).toBe(true);
    const after = await runTenantAction(createItemAction.def, createItemAction.body, { name: 'After' }, request());
    expect(after.state.ok).toBe(true);
    // Everything as before, plus the new item and its audit entry.
    expect(await countsOf(graph, globex.id)).toEqual({
      ...before,
      Item: (before.Item ?? 0) + 1,
      AuditLog: (before.AuditLog ?? 0) + 1,
    });
  });

  it('deletion suspends and schedules the purge; the owner restores it with the one action allowed', async () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const purgeAfter = await scheduleDeletion(globex.id, { now, graceDays: 30 });
    expect(purgeAfter?.toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(await tenantStatus(globex.id)).toMatchObject({ suspendedAt: now, purgeAfter });
    // An operator's plain "unsuspend" does not cancel a deletion.
    expect(await unsuspendTenant(globex.id)).toBe(false);
    const restored = await runTenantAction(restoreTenantAction.def, restoreTenantAction.body, {}, request());
    expect(restored.state).toMatchObject({ ok: true });
    expect(await tenantStatus(globex.id)).toMatchObject({ suspendedAt: null, purgeAfter: null });
    expect(await restoreTenant(globex.id)).toBe(false);
  });

  it('the owner deletes only by typing the slug; a member cannot', async () => {
    const wrong = await runTenantAction(
      deleteTenantAction.def,
      deleteTenantAction.body,
      { confirm: 'acme' },
      request(),
    );
    expect(wrong.state).toMatchObject({ ok: false, fieldErrors: { confirm: ['Type the slug exactly'] } });
    const carol = await sessionUser('carol@both.test');
    const member = await runTenantAction(
      deleteTenantAction.def,
      deleteTenantAction.body,
      { confirm: 'globex' },
      { user: carol, tenant: globex, ip: null },
    );
    expect(member.state).toMatchObject({ ok: false });
    expect((await tenantStatus(globex.id))?.purgeAfter).toBeNull();
    const done = await runTenantAction(
      deleteTenantAction.def,
      deleteTenantAction.body,
      { confirm: 'globex' },
      request(),
    );
    expect(done.state).toMatchObject({ ok: true });
    expect((await tenantStatus(globex.id))?.purgeAfter).not.toBeNull();
    expect(await restoreTenant(globex.id)).toBe(true);
  });
});

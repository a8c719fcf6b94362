import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IMPERSONATION_READ_ONLY, runTenantAction } from '@/lib/actions/run-tenant-action';
import { listAudit } from '@/lib/audit';
import { resolveImpersonation } from '@/lib/auth/impersonation';
import type { SessionUser } from '@/lib/auth/session';
import { forTenant } from '@/lib/db';
import { createItemAction } from '@/lib/items/actions';
import { listPlatformAudit } from '@/lib/platform/audit';
import { endImpersonation, startImpersonation } from '@/lib/platform/impersonation';
import { setPlatformOperator } from '@/lib/platform/operator-role';
import type { Operator } from '@/lib/platform/operators';
import { resetRateLimiters } from '@/lib/rate-limit';
import type { TenantInfo } from '@/lib/tenants/tenant-info';
import { loadTenantBySlug } from '@/lib/tenants/tenant-store';
import { sessionUser, useSeededDb } from '../auth/helpers';

let close: () => Promise<void>;
let acme: TenantInfo;
let globex: TenantInfo;
let operator: Operator;
let carol: SessionUser;

beforeAll(async () => {
  ({ close } = await useSeededDb());
  const [a, g] = await Promise.all([loadTenantBySlug('acme'), loadTenantBySlug('globex')]);
  if (!a || !g) throw new Error('seed missing tenants');
  acme = a;
  globex = g;
  // bob (globex's owner, not a member of acme) is the operator here.
  const bob = await sessionUser('bob@globex.test');
  await setPlatformOperator(bob.email, true);
  operator = { id: bob.id, email: bob.email, name: bob.name };
  carol = await sessionUser('carol@both.test');
});
afterAll(() => close());
beforeEach(() => {
  process.env.RATE_LIMIT_PREFIX = `test-${randomUUID()}`;
  delete process.env.REDIS_URL;
  resetRateLimiters();
});

const start = (write = false, now = new Date()) =>
  startImpersonation({ operator, tenantId: acme.id, userId: carol.id, reason: 'ticket 42', write, now });

describe('impersonation', () => {
  it('acts as the member, only in that tenant, only with the operator’s own session', async () => {
    const started = await start();
    if (!started) throw new Error('not started');
    const as = await resolveImpersonation(operator.id, started.token, acme.id);
    expect(as).toMatchObject({ id: carol.id, email: carol.email, impersonator: { id: operator.id, write: false } });
    expect(await resolveImpersonation(operator.id, started.token, globex.id)).toBeNull();
    expect(await resolveImpersonation(carol.id, started.token, acme.id)).toBeNull();
    expect(await resolveImpersonation(operator.id, 'forged-token', acme.id)).toBeNull();
  });

  it('is read-only by default: a write is refused and nothing is written', async () => {
    const started = await start();
    const as = await resolveImpersonation(operator.id, started?.token ?? '', acme.id);
    const before = await forTenant(acme.id).item.count();
    const { state } = await runTenantAction(
      createItemAction.def,
      createItemAction.body,
      { name: 'Sneaky' },
      {
        user: as,
        tenant: acme,
        ip: null,
      },
    );
    expect(state).toEqual({ ok: false, error: IMPERSONATION_READ_ONLY });
    expect(await forTenant(acme.id).item.count()).toBe(before);
  });

  it('with write granted, an action runs and is audited under both identities', async () => {
    const started = await start(true);
    const as = await resolveImpersonation(operator.id, started?.token ?? '', acme.id);
    const name = `Fixed ${randomUUID().slice(0, 6)}`;
    const { state } = await runTenantAction(
      createItemAction.def,
      createItemAction.body,
      { name },
      {
        user: as,
        tenant: acme,
        ip: null,
      },
    );
    expect(state.ok).toBe(true);
    const [entry] = (await listAudit(acme.id)).entries;
    expect(entry).toMatchObject({
      action: 'items.create',
      user: { id: carol.id },
      data: { name, impersonatedBy: { id: operator.id, email: operator.email } },
    });
    const [platform] = await listPlatformAudit({ tenantId: acme.id });
    expect(platform).toMatchObject({ actorEmail: operator.email, action: 'impersonated.items.create' });
  });

  it('expires (15 minutes by default) and ends on request', async () => {
    const t0 = new Date();
    const started = await start(false, t0);
    const token = started?.token ?? '';
    expect(started?.expiresAt.getTime()).toBe(t0.getTime() + 15 * 60_000);
    expect(
      await resolveImpersonation(operator.id, token, acme.id, new Date(t0.getTime() + 14 * 60_000)),
    ).not.toBeNull();
    expect(await resolveImpersonation(operator.id, token, acme.id, new Date(t0.getTime() + 15 * 60_000))).toBeNull();
    expect(await endImpersonation(token, operator)).toEqual({ tenantId: acme.id, slug: 'acme' });
    expect(await resolveImpersonation(operator.id, token, acme.id)).toBeNull();
  });

  it('stops working the moment the operator role is revoked', async () => {
    const started = await start();
    await setPlatformOperator(operator.email, false);
    expect(await resolveImpersonation(operator.id, started?.token ?? '', acme.id)).toBeNull();
    await setPlatformOperator(operator.email, true);
  });

  it('needs a member of the tenant', async () => {
    const bobAsAcme = await startImpersonation({
      operator,
      tenantId: acme.id,
      userId: operator.id,
      reason: 'x',
      write: false,
    });
    expect(bobAsAcme).toBeNull();
  });

  it('is visible to the tenant’s owners in their audit log, with the reason', async () => {
    const entries = (await listAudit(acme.id, { pageSize: 100 })).entries.filter(
      (e) => e.action === 'impersonation.start',
    );
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0]).toMatchObject({
      user: { email: operator.email },
      data: { operator: operator.email, as: carol.email, reason: 'ticket 42' },
    });
  });
});

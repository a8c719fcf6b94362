import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ActionRequest, NOT_FOUND_MESSAGE, runTenantAction } from '@/lib/actions/run-tenant-action';
import type { SessionUser } from '@/lib/auth/session';
import { withoutTenant } from '@/lib/db';
import { createDocumentAction, deleteDocumentAction, renameDocumentAction } from '@/lib/documents/actions';
import { findDocument, listDocuments } from '@/lib/documents/queries';
import { resetRateLimiters } from '@/lib/rate-limit';
import type { TenantInfo } from '@/lib/tenants/tenant-info';
import { invalidateTenant, loadTenantBySlug } from '@/lib/tenants/tenant-store';
import { sessionUser, useSeededDb } from '../auth/helpers';

/**
 * Documents through the real action wrapper and database: a member creates, renames and deletes;
 * another tenant's document cannot be touched; with the Documents feature switched off every
 * action refuses and writes nothing (the page check is tested over HTTP by the e2e walk).
 */
describe('document actions', () => {
  let close: () => Promise<void>;
  let acme: TenantInfo;
  let globex: TenantInfo;
  let carol: SessionUser;
  let bob: SessionUser;
  const as = (user: SessionUser, tenant: TenantInfo): ActionRequest => ({ user, tenant, ip: '203.0.113.9' });
  const audits = (tenant: TenantInfo, action: string) =>
    withoutTenant((c) => c.auditLog.count({ where: { tenantId: tenant.id, action } }));

  beforeAll(async () => {
    ({ close } = await useSeededDb());
    const [a, g] = await Promise.all([loadTenantBySlug('acme'), loadTenantBySlug('globex')]);
    if (!a || !g) throw new Error('seed missing tenants');
    [acme, globex] = [a, g];
    [carol, bob] = await Promise.all([sessionUser('carol@both.test'), sessionUser('bob@globex.test')]);
  });
  afterAll(() => close());
  beforeEach(() => {
    process.env.RATE_LIMIT_PREFIX = `test-${randomUUID()}`;
    delete process.env.REDIS_URL;
    resetRateLimiters();
  });

  it('lets a MEMBER create, rename and delete a document, each audited', async () => {
    const title = `Plan ${randomUUID().slice(0, 6)}`;
    const created = await runTenantAction(
      createDocumentAction.def,
      createDocumentAction.body,
      { title, body: 'Hello' },
      as(carol, acme),
    );
    expect(created.state).toMatchObject({ ok: true });
    const id = (created.state.ok ? (created.state.data as { id: string }) : { id: '' }).id;
    expect(await findDocument(acme.id, id)).toMatchObject({ title, body: 'Hello' });

    const renamed = await runTenantAction(
      renameDocumentAction.def,
      renameDocumentAction.body,
      { id, title: `${title} v2` },
      as(carol, acme),
    );
    expect(renamed.state).toMatchObject({ ok: true });
    expect((await findDocument(acme.id, id))?.title).toBe(`${title} v2`);

    const deleted = await runTenantAction(deleteDocumentAction.def, deleteDocumentAction.body, { id }, as(carol, acme));
    expect(deleted.state).toMatchObject({ ok: true });
    expect(await findDocument(acme.id, id)).toBeNull();
    for (const action of ['documents.create', 'documents.update', 'documents.delete']) {
      expect(await audits(acme, action), action).toBeGreaterThanOrEqual(1);
    }
  });

  it('refuses an empty title with a field error and creates nothing', async () => {
    const before = (await listDocuments(acme.id)).length;
    const { state } = await runTenantAction(
      createDocumentAction.def,
      createDocumentAction.body,
      { title: '  ' },
      as(carol, acme),
    );
    expect(state).toMatchObject({ ok: false, fieldErrors: { title: ['Enter a title'] } });
    expect(await listDocuments(acme.id)).toHaveLength(before);
  });

  it('cannot rename or delete another tenant’s document', async () => {
    const [globexDoc] = await listDocuments(globex.id);
    if (!globexDoc) throw new Error('seed has no globex document');
    const renamed = await runTenantAction(
      renameDocumentAction.def,
      renameDocumentAction.body,
      { id: globexDoc.id, title: 'pwned' },
      as(carol, acme),
    );
    expect(renamed.state).toMatchObject({ ok: false, error: 'Document not found' });
    const deleted = await runTenantAction(
      deleteDocumentAction.def,
      deleteDocumentAction.body,
      { id: globexDoc.id },
      as(carol, acme),
    );
    expect(deleted.state.ok).toBe(false);
    expect(await findDocument(globex.id, globexDoc.id)).toMatchObject({ title: globexDoc.title });
  });

  it('refuses every document action while the feature is switched off, and writes nothing', async () => {
    await withoutTenant((c) =>
      c.tenant.update({ where: { id: globex.id }, data: { settings: { features: ['items'] } }, select: { id: true } }),
    );
    invalidateTenant('globex'); // what the settings action does after saving
    const off = await loadTenantBySlug('globex');
    if (!off) throw new Error('globex vanished');
    const [doc] = await listDocuments(globex.id);
    if (!doc) throw new Error('seed has no globex document');
    const before = await audits(globex, 'documents.create');

    const attempts = [
      runTenantAction(createDocumentAction.def, createDocumentAction.body, { title: 'Sneaky' }, as(bob, off)),
      runTenantAction(renameDocumentAction.def, renameDocumentAction.body, { id: doc.id, title: 'x' }, as(bob, off)),
      runTenantAction(deleteDocumentAction.def, deleteDocumentAction.body, { id: doc.id }, as(bob, off)),
    ];
    for (const { state } of await Promise.all(attempts)) expect(state).toEqual({ ok: false, error: NOT_FOUND_MESSAGE });
    expect((await listDocuments(globex.id)).map((d) => d.title)).toEqual([doc.title]);
    expect(await audits(globex, 'documents.create')).toBe(before);
  });
});

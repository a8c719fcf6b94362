import { describe, expect, it } from 'vitest';
import { findDocument, listDocuments } from '@/lib/documents/queries';
import { seededDbForSuite, tenantId } from '../accounts/scratch';
import { SEEDED } from '../fixtures/tenants';

seededDbForSuite();

describe('document queries', () => {
  it('list only the tenant’s own documents', async () => {
    expect((await listDocuments(await tenantId('acme'))).map((d) => d.title)).toEqual([SEEDED.acme.document]);
    expect((await listDocuments(await tenantId('globex'))).map((d) => d.title)).toEqual([SEEDED.globex.document]);
  });

  it('find a document by id in its tenant, and not in another', async () => {
    const [acme, globex] = [await tenantId('acme'), await tenantId('globex')];
    const [doc] = await listDocuments(globex);
    if (!doc) throw new Error('seed has no globex document');
    expect(await findDocument(globex, doc.id)).toMatchObject({ id: doc.id, title: SEEDED.globex.document });
    expect(await findDocument(acme, doc.id)).toBeNull();
  });
});

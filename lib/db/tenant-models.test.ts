import { describe, expect, it } from 'vitest';
import { createPrismaClient } from './prisma';
import { buildModelGraph, modelGraphFromClient } from './tenant-models';

describe('tenant model graph', () => {
  it('derives the tenant-owned models from the generated client (a tenantId field), not a list', () => {
    const graph = modelGraphFromClient(createPrismaClient('postgresql://unused@127.0.0.1:1/none'));
    const owned = [...graph.values()]
      .filter((m) => m.tenantOwned)
      .map((m) => m.name)
      .sort();
    expect(owned).toEqual([
      'ApiKey',
      'AuditLog',
      'BillingEvent',
      'Document',
      'Invitation',
      'Item',
      'JobOutbox',
      'Membership',
      'Subscription',
      'TenantDomain',
    ]);
    expect(graph.get('User')?.relations.get('items')).toMatchObject({ model: 'Item', isList: true });
    expect(graph.get('Item')?.relations.get('createdBy')).toMatchObject({
      model: 'User',
      isList: false,
      fields: ['createdById'],
    });
    expect(graph.get('Item')?.tenantRelation).toBe('tenant');
  });

  it('scopes a new model with tenantId without any other change', () => {
    const schema = `model Tenant {\n  id String @id\n  notes Note[]\n}\nmodel Note {\n  id String @id\n  tenantId String\n  tenant Tenant @relation(fields: [tenantId], references: [id])\n}\n`;
    const graph = buildModelGraph(
      {
        models: {
          Tenant: {
            fields: [
              { name: 'id', kind: 'scalar', type: 'String' },
              { name: 'notes', kind: 'object', type: 'Note', relationName: 'NoteToTenant' },
            ],
          },
          Note: {
            fields: [
              { name: 'id', kind: 'scalar', type: 'String' },
              { name: 'tenantId', kind: 'scalar', type: 'String' },
              { name: 'tenant', kind: 'object', type: 'Tenant', relationName: 'NoteToTenant' },
            ],
          },
        },
      },
      schema,
    );
    expect(graph.get('Note')).toMatchObject({ tenantOwned: true, tenantRelation: 'tenant' });
    expect(graph.get('Tenant')?.relations.get('notes')?.isList).toBe(true);
  });
});

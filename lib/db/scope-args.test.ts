// Argument rewriting on a synthetic schema with shapes the real one lacks (a to-one relation into a
// tenant-owned model), so those rules are proved too.
import { describe, expect, it } from 'vitest';
import { TenantScopeError } from './errors';
import { scopeArgs } from './scope-args';
import { buildModelGraph } from './tenant-models';

const schema = `
model Tenant {
  id    String @id
  docs  Doc[]
}
model User {
  id      String @id
  docs    Doc[]
  pinned  Doc?   @relation("Pinned", fields: [pinnedId], references: [id])
  pinnedId String?
}
model Doc {
  id       String @id
  tenantId String
  tenant   Tenant @relation(fields: [tenantId], references: [id])
  ownerId  String
  owner    User   @relation(fields: [ownerId], references: [id])
  pinnedBy User[] @relation("Pinned")
}
`;
const f = (name: string, kind: string, type: string, relationName?: string) => ({ name, kind, type, relationName });
const graph = buildModelGraph(
  {
    models: {
      Tenant: { fields: [f('id', 'scalar', 'String'), f('docs', 'object', 'Doc', 'DocToTenant')] },
      User: {
        fields: [
          f('id', 'scalar', 'String'),
          f('docs', 'object', 'Doc', 'DocToUser'),
          f('pinned', 'object', 'Doc', 'Pinned'),
          f('pinnedId', 'scalar', 'String'),
        ],
      },
      Doc: {
        fields: [
          f('id', 'scalar', 'String'),
          f('tenantId', 'scalar', 'String'),
          f('tenant', 'object', 'Tenant', 'DocToTenant'),
          f('ownerId', 'scalar', 'String'),
          f('owner', 'object', 'User', 'DocToUser'),
          f('pinnedBy', 'object', 'User', 'Pinned'),
        ],
      },
    },
  },
  schema,
);
const s = { graph, tenantId: 't1' };

describe('scopeArgs', () => {
  it('adds the tenant to a findUnique where, keeping the caller filter', () => {
    const { args } = scopeArgs(s, 'Doc', 'findUnique', { where: { id: 'd', AND: { ownerId: 'u' } } });
    expect(args.where).toEqual({ id: 'd', AND: { ownerId: 'u' }, tenantId: 't1' });
  });
  it('keeps a where that already names the tenant, and AND-merges any other tenant condition', () => {
    const same = { where: { tenantId: 't1', name: 'x' } };
    expect(scopeArgs(s, 'Doc', 'findMany', same).args.where).toEqual({ tenantId: 't1', name: 'x' });
    expect(scopeArgs(s, 'Doc', 'findMany', { where: { tenantId: 't2' } }).args.where).toEqual({
      tenantId: 't2',
      AND: [{ tenantId: 't1' }],
    });
    expect(scopeArgs(s, 'Doc', 'deleteMany', { where: { tenantId: { in: ['t1', 't2'] } } }).args.where).toEqual({
      tenantId: { in: ['t1', 't2'] },
      AND: [{ tenantId: 't1' }],
    });
    expect(scopeArgs(s, 'Doc', 'findMany', { where: { tenantId: undefined } }).args.where).toEqual({ tenantId: 't1' });
  });
  it('refuses tenant-owned queries with no tenant', () => {
    expect(() => scopeArgs({ graph, tenantId: undefined }, 'Doc', 'findMany', {})).toThrow(TenantScopeError);
    expect(() => scopeArgs({ graph, tenantId: undefined }, 'User', 'findMany', { include: { docs: true } })).toThrow(
      TenantScopeError,
    );
  });
  it('refuses an unknown operation on a tenant-owned model', () => {
    expect(() => scopeArgs(s, 'Doc', 'findRaw', {})).toThrow(TenantScopeError);
  });
  it('sets the tenant in the style the create uses', () => {
    expect(scopeArgs(s, 'Doc', 'create', { data: { id: 'd', ownerId: 'u' } }).args.data).toEqual({
      id: 'd',
      ownerId: 'u',
      tenantId: 't1',
    });
    expect(scopeArgs(s, 'Doc', 'create', { data: { id: 'd', owner: { connect: { id: 'u' } } } }).args.data).toEqual({
      id: 'd',
      owner: { connect: { id: 'u' } },
      tenant: { connect: { id: 't1' } },
    });
    expect(() => scopeArgs(s, 'Doc', 'create', { data: { tenant: { connect: { id: 't2' } } } })).toThrow(
      TenantScopeError,
    );
  });
  it('checks a to-one relation into a tenant-owned model on the result', () => {
    const { args, check } = scopeArgs(s, 'User', 'findFirst', { select: { pinned: { select: { id: true } } } });
    expect(args.select).toEqual({ pinned: { select: { id: true, tenantId: true } } });
    expect(check({ pinned: { id: 'd', tenantId: 't1' } })).toEqual({ pinned: { id: 'd' } });
    expect(() => check({ pinned: { id: 'd', tenantId: 't2' } })).toThrow(TenantScopeError);
  });
  it('scopes to-one nested writes into a tenant-owned model', () => {
    const { args } = scopeArgs(s, 'User', 'update', { where: { id: 'u' }, data: { pinned: { update: { id: 'x' } } } });
    expect(args.data).toEqual({ pinned: { update: { where: { tenantId: 't1' }, data: { id: 'x' } } } });
    const del = scopeArgs(s, 'User', 'update', { where: { id: 'u' }, data: { pinned: { delete: true } } }).args;
    expect(del.data).toEqual({ pinned: { delete: { tenantId: 't1' } } });
  });
  it('scopes `every` to the tenant rows only', () => {
    const { args } = scopeArgs(s, 'User', 'findMany', { where: { docs: { every: { ownerId: 'u' } } } });
    expect(args.where).toEqual({ docs: { every: { OR: [{ tenantId: { not: 't1' } }, { ownerId: 'u' }] } } });
  });
  it('pins writes through the tenant row back-relation to the current tenant', () => {
    const { args } = scopeArgs(s, 'Tenant', 'update', { where: { id: 't2' }, data: { docs: { create: { id: 'd' } } } });
    expect(args.where).toEqual({ id: 't2', AND: [{ id: 't1' }] });
    expect(() => scopeArgs(s, 'Tenant', 'create', { data: { id: 'n', docs: { create: { id: 'd' } } } })).toThrow(
      TenantScopeError,
    );
  });
  it('refuses `set` of a tenant-owned relation from a model that is not tenant-owned', () => {
    expect(() => scopeArgs(s, 'User', 'update', { where: { id: 'u' }, data: { docs: { set: [] } } })).toThrow(
      TenantScopeError,
    );
  });
  it('refuses ordering a non-tenant model by a tenant-owned relation count', () => {
    expect(() => scopeArgs(s, 'User', 'findMany', { orderBy: { docs: { _count: 'desc' } } })).toThrow(TenantScopeError);
  });
});

/**
 * The scoped helpers: three functions over a tenant-scoped client, for code that takes a tenant.
 * Without a tenant: getTenantQueryset returns [], createForTenant throws, getTenantObject throws
 * not-found. Proved by tests/isolation/public-api.test.ts.
 */
import { type TenantRef, tenantIdOf } from './context';
import { TenantObjectNotFoundError, TenantScopeError } from './errors';
import type { Prisma } from './generated/client';
import { delegateKey, type TENANT_FIELD } from './tenant-models';

type ModelMap = Prisma.TypeMap['model'];
/** Prisma model names of the tenant-owned models (those with a `tenantId` field). */
export type TenantModelName = {
  [M in keyof ModelMap]: typeof TENANT_FIELD extends keyof ModelMap[M]['payload']['scalars'] ? M : never;
}[keyof ModelMap];
export type TenantRow<M extends TenantModelName> = ModelMap[M]['payload']['scalars'];
export type TenantCreateData<M extends TenantModelName> = Omit<
  ModelMap[M]['operations']['create']['args']['data'],
  'tenantId' | 'tenant'
>;

type Delegate = {
  findMany(args?: unknown): Promise<unknown[]>;
  findFirst(args: unknown): Promise<unknown>;
  create(args: unknown): Promise<unknown>;
};

export type ScopedHelpers = {
  tenantId: string | undefined;
  getTenantQueryset<M extends TenantModelName>(
    model: M,
    args?: { where?: unknown; orderBy?: unknown; take?: number; skip?: number },
  ): Promise<TenantRow<M>[]>;
  createForTenant<M extends TenantModelName>(
    model: M,
    data: TenantCreateData<M> & { tenantId?: string },
  ): Promise<TenantRow<M>>;
  getTenantObject<M extends TenantModelName>(model: M, id: string): Promise<TenantRow<M>>;
};

export function makeScoped(
  forTenant: (tenantId: string) => object,
  tenant: TenantRef | null | undefined,
): ScopedHelpers {
  const tenantId = tenantIdOf(tenant);
  const delegate = (model: string): Delegate => {
    if (!tenantId) throw new TenantScopeError('NO_TENANT', 'No tenant is set', model);
    const found = (forTenant(tenantId) as Record<string, Delegate | undefined>)[delegateKey(model)];
    if (!found) throw new Error(`lib/db: unknown model ${model}`);
    return found;
  };
  return {
    tenantId,
    async getTenantQueryset(model, args) {
      if (!tenantId) return [];
      return (await delegate(model).findMany(args)) as TenantRow<typeof model>[];
    },
    async createForTenant(model, data) {
      // Any tenant passed in is dropped: the row always belongs to this helper's tenant.
      const { tenantId: _ignored, tenant: _alsoIgnored, ...rest } = data as Record<string, unknown>;
      return (await delegate(model).create({ data: rest })) as TenantRow<typeof model>;
    },
    async getTenantObject(model, id) {
      if (!tenantId) throw new TenantObjectNotFoundError(model);
      const row = await delegate(model).findFirst({ where: { id } });
      if (!row) throw new TenantObjectNotFoundError(model);
      return row as TenantRow<typeof model>;
    },
  };
}

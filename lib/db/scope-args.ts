/**
 * Scopes the arguments of one Prisma model operation to a tenant.
 *
 * Invariant: for a tenant-owned model every operation is scoped (an unknown operation is refused);
 * for any model, nested reads and writes reaching tenant-owned models are scoped; with no tenant set,
 * anything touching tenant-owned data throws. Proved by lib/db/scope-args.test.ts and the matrix in
 * tests/isolation/.
 */
import { TenantScopeError } from './errors';
import {
  checkOrderBy,
  checkResult,
  isObj,
  modelInfo,
  needTenant,
  type Obj,
  type ResultCheck,
  type Scope,
  scopedWhere,
  walkSelection,
} from './scope-reads';
import { forceTenantOnCreate, isTenantBackRelation, walkUpdateData } from './scope-writes';

const READS = new Set(['findMany', 'findFirst', 'findFirstOrThrow', 'findUnique', 'findUniqueOrThrow']);
const AGGREGATES = new Set(['count', 'aggregate', 'groupBy']);
const CREATES = new Set(['create', 'createMany', 'createManyAndReturn']);
const UPDATES = new Set(['update', 'updateMany', 'updateManyAndReturn']);
const DELETES = new Set(['delete', 'deleteMany']);
/** Every operation scopeArgs can scope; any other operation on a tenant-owned model is refused. */
export const SCOPED_OPERATIONS: ReadonlySet<string> = new Set([
  ...READS,
  ...AGGREGATES,
  ...CREATES,
  ...UPDATES,
  ...DELETES,
  'upsert',
]);

export type ScopedCall = { args: Obj; check: (result: unknown) => unknown };

export function scopeArgs(s: Scope, model: string, operation: string, rawArgs: unknown): ScopedCall {
  const info = modelInfo(s, model);
  const args: Obj = isObj(rawArgs) ? { ...rawArgs } : {};
  if (!SCOPED_OPERATIONS.has(operation)) {
    if (info.tenantOwned) throw new TenantScopeError('NO_TENANT', `Operation ${operation} cannot be scoped`, model);
    return { args, check: (r) => r };
  }
  if (info.tenantOwned) needTenant(s, model);

  if (!CREATES.has(operation)) args.where = scopedWhere(s, model, args.where);
  if (args.orderBy !== undefined) checkOrderBy(s, model, args.orderBy);

  if (operation === 'create') {
    args.data = info.tenantOwned ? forceTenantOnCreate(s, model, args.data) : walkUpdateLike(s, model, args.data);
  } else if (operation === 'createMany' || operation === 'createManyAndReturn') {
    const rows = Array.isArray(args.data) ? args.data : [args.data];
    args.data = info.tenantOwned ? rows.map((d) => forceTenantOnCreate(s, model, d)) : rows;
  } else if (UPDATES.has(operation)) {
    args.data = walkUpdateData(s, model, args.data);
  } else if (operation === 'upsert') {
    args.create = info.tenantOwned ? forceTenantOnCreate(s, model, args.create) : walkUpdateLike(s, model, args.create);
    args.update = walkUpdateData(s, model, args.update);
  }
  guardTenantRowWrites(s, model, operation, args);

  const checks: ResultCheck = walkSelection(s, model, args);
  return { args, check: (result) => checkResult(s, model, checks, result) };
}

/** Nested writes on a non-tenant-owned model's create data (e.g. a User created with memberships). */
function walkUpdateLike(s: Scope, model: string, data: unknown): unknown {
  // Create data of a non-tenant-owned model holds no tenantId to guard; walkUpdateData only walks the
  // nested writes then, which is exactly what a create needs.
  return walkUpdateData(s, model, data);
}

/**
 * Writes through the back side of the tenant relation (`tenant.update({ data: { items: … } })`) take
 * the tenant from the parent row, so that row must be the current tenant: the where is pinned to it,
 * and creating a new tenant row with children is refused.
 */
function guardTenantRowWrites(s: Scope, model: string, operation: string, args: Obj): void {
  const touchesBack = (data: unknown) =>
    isObj(data) && Object.keys(data).some((k) => isTenantBackRelation(s, model, k));
  const rows = Array.isArray(args.data) ? args.data : [args.data];
  const writes = [...rows, args.create, args.update].some(touchesBack);
  if (!writes) return;
  if (CREATES.has(operation) || (operation === 'upsert' && touchesBack(args.create))) {
    throw new TenantScopeError('TENANT_MISMATCH', 'Cannot create a tenant row with tenant-owned children', model);
  }
  const tenantId = needTenant(s, model);
  const w = isObj(args.where) ? args.where : {};
  args.where = { ...w, AND: [...(Array.isArray(w.AND) ? w.AND : w.AND ? [w.AND] : []), { id: tenantId }] };
}

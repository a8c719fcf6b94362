/**
 * Write-side scoping: `data` of create/update/upsert and every nested write inside it.
 *
 * Invariant: a write through a tenant client can only create rows of the current tenant, can never
 * move a row to another tenant (tenantId and the tenant relation are immutable), and every nested
 * write that selects existing rows (connect, set, update, delete, …) only selects the tenant's rows.
 * Proved by tests/isolation/leaks.test.ts ("nested writes") and lib/db/scope-args.test.ts.
 */
import { TenantScopeError } from './errors';
import { isObj, mergeTenant, modelInfo, needTenant, type Obj, type Scope, walkWhere } from './scope-reads';
import { TENANT_FIELD } from './tenant-models';

const each = (v: unknown, f: (x: unknown) => unknown) => (Array.isArray(v) ? v.map(f) : f(v));

/** Create data for a tenant-owned model: the tenant is set (or checked) in whichever style is used. */
export function forceTenantOnCreate(s: Scope, model: string, data: unknown): Obj {
  const tenantId = needTenant(s, model);
  const info = modelInfo(s, model);
  const out = walkWriteRelations(s, model, isObj(data) ? data : {});
  const rel = info.tenantRelation;
  if (TENANT_FIELD in out && out[TENANT_FIELD] !== tenantId) {
    throw new TenantScopeError('TENANT_MISMATCH', 'Cannot create a row for another tenant', model);
  }
  if (rel && rel in out) {
    const v = out[rel];
    if (!isObj(v) || Object.keys(v).join() !== 'connect' || !isObj(v.connect) || v.connect.id !== tenantId) {
      throw new TenantScopeError('TENANT_MISMATCH', `Cannot create a row for another tenant via ${rel}`, model);
    }
    out[rel] = { connect: { id: tenantId } };
    return out;
  }
  if (TENANT_FIELD in out) return out;
  // Prisma's checked input (relations as objects) rejects a scalar tenantId next to a to-one relation
  // ("Unknown argument tenantId"); the unchecked input rejects `tenant: { connect }`. Pick the style
  // the caller used.
  const checked = [...info.relations.entries()].some(([name, r]) => !r.isList && name in out);
  if (checked && rel) out[rel] = { connect: { id: tenantId } };
  else out[TENANT_FIELD] = tenantId;
  return out;
}

/** Update data: refuses any change of tenant; scopes nested writes. */
export function walkUpdateData(s: Scope, model: string, data: unknown): unknown {
  if (!isObj(data)) return data;
  const info = modelInfo(s, model);
  if (info.tenantOwned) {
    const tenantId = needTenant(s, model);
    if (TENANT_FIELD in data) {
      const v = data[TENANT_FIELD];
      const same = v === tenantId || (isObj(v) && Object.keys(v).join() === 'set' && v.set === tenantId);
      if (!same) throw new TenantScopeError('TENANT_CHANGE', 'An update cannot change tenantId', model);
    }
    const rel = info.tenantRelation;
    if (rel && rel in data) {
      const v = data[rel];
      if (!isObj(v) || Object.keys(v).some((k) => k !== 'update')) {
        throw new TenantScopeError('TENANT_CHANGE', `An update cannot change the ${rel} relation`, model);
      }
    }
  }
  return walkWriteRelations(s, model, data);
}

/** True when `field` on `model` is the back side of a tenant-owned model's tenant relation. */
export function isTenantBackRelation(s: Scope, model: string, field: string): boolean {
  const rel = modelInfo(s, model).relations.get(field);
  if (!rel) return false;
  const target = modelInfo(s, rel.model);
  const tr = target.tenantRelation && target.relations.get(target.tenantRelation);
  return !!tr && target.tenantOwned && tr.relationName === rel.relationName && tr.model === model;
}

function walkWriteRelations(s: Scope, model: string, data: Obj): Obj {
  const info = modelInfo(s, model);
  const out: Obj = { ...data };
  for (const [key, value] of Object.entries(data)) {
    const rel = info.relations.get(key);
    if (!rel || !isObj(value)) continue;
    out[key] = walkNestedOps(s, model, key, value);
  }
  return out;
}

function walkNestedOps(s: Scope, parent: string, field: string, ops: Obj): Obj {
  const parentInfo = modelInfo(s, parent);
  const rel = parentInfo.relations.get(field);
  if (!rel) return ops;
  const target = modelInfo(s, rel.model);
  const owned = target.tenantOwned;
  // Children created under a Tenant row get their tenant from the parent (the input has no tenant
  // field); callers make sure that parent is the current tenant (see scope-args.ts).
  const back = isTenantBackRelation(s, parent, field);
  const whereOf = (w: unknown) =>
    owned ? mergeTenant(s, rel.model, walkWhere(s, rel.model, w)) : walkWhere(s, rel.model, w);
  const createOf = (c: unknown) =>
    owned && !back ? forceTenantOnCreate(s, rel.model, c) : walkWriteRelations(s, rel.model, isObj(c) ? c : {});
  const updateOf = (d: unknown) => walkUpdateData(s, rel.model, d);
  const out: Obj = {};
  for (const [op, x] of Object.entries(ops)) {
    switch (op) {
      case 'create':
        out[op] = each(x, createOf);
        break;
      case 'createMany':
        out[op] = isObj(x) ? { ...x, data: each(x.data, createOf) } : x;
        break;
      case 'connect':
        out[op] = each(x, whereOf);
        break;
      case 'connectOrCreate':
        out[op] = each(x, (y) => (isObj(y) ? { ...y, where: whereOf(y.where), create: createOf(y.create) } : y));
        break;
      case 'set':
        // `set` first disconnects every row linked to the parent — other tenants' too — so it is
        // only allowed where the parent itself is scoped (a tenant-owned row or the tenant's row).
        if (owned && !parentInfo.tenantOwned && !back) {
          throw new TenantScopeError('CROSS_TENANT_RELATION', `Cannot set ${field}; use connect/disconnect`, parent);
        }
        out[op] = each(x, whereOf);
        break;
      case 'disconnect':
      case 'delete':
        out[op] = rel.isList ? each(x, whereOf) : x === true ? (owned ? whereOf({}) : true) : whereOf(x);
        break;
      case 'deleteMany':
        out[op] = each(x, whereOf);
        break;
      case 'update':
      case 'updateMany':
        if (rel.isList || op === 'updateMany' || isWhereDataForm(s, rel.model, x)) {
          out[op] = each(x, (y) => (isObj(y) ? { ...y, where: whereOf(y.where), data: updateOf(y.data) } : y));
        } else {
          out[op] = owned ? { where: whereOf(undefined), data: updateOf(x) } : updateOf(x);
        }
        break;
      case 'upsert':
        out[op] = each(x, (y) => {
          if (!isObj(y)) return y;
          const scoped: Obj = { ...y, create: createOf(y.create), update: updateOf(y.update) };
          if (rel.isList || owned || y.where !== undefined) scoped.where = whereOf(y.where);
          return scoped;
        });
        break;
      default:
        out[op] = x;
    }
  }
  return out;
}

/** A to-one `update: { where?, data }` vs. the shorthand `update: { ...fields }`. */
function isWhereDataForm(s: Scope, model: string, x: unknown): boolean {
  if (!isObj(x) || !('data' in x) || !Object.keys(x).every((k) => k === 'where' || k === 'data')) return false;
  if ('where' in x || !modelInfo(s, model).scalars.has('data')) return true;
  // `{ data }` on a model with a `data` column is ambiguous; refuse rather than guess.
  throw new TenantScopeError('CROSS_TENANT_RELATION', 'Ambiguous nested update: pass { where, data }', model);
}

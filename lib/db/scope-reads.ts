/**
 * Read-side scoping: `where` (incl. relation filters), `include`/`select`, `_count`, `orderBy`.
 *
 * Invariant: every path by which a query can reach rows of a tenant-owned model — its own `where`,
 * a relation filter (some/every/none/is/isNot), an include/select of a relation (the fluent API is
 * one), a relation `_count` — is restricted to the current tenant; a to-one relation that cannot be
 * filtered is checked on the result. Proved by tests/isolation/leaks.test.ts and
 * lib/db/scope-args.test.ts.
 */
import { TenantScopeError } from './errors';
import { type ModelGraph, type ModelInfo, TENANT_FIELD } from './tenant-models';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type Scope = { graph: ModelGraph; tenantId: string | undefined };

/** A tree of to-one tenant-owned relations whose result must be checked after the query. */
export type ResultCheck = Map<string, { toOne: boolean; strip: boolean; children: ResultCheck }>;

export function modelInfo(s: Scope, model: string): ModelInfo {
  const info = s.graph.get(model);
  if (!info) throw new Error(`lib/db: unknown model ${model}`);
  return info;
}

/** The current tenant, or a NO_TENANT error: touching tenant-owned data needs one (fail closed). */
export function needTenant(s: Scope, model: string): string {
  if (!s.tenantId) throw new TenantScopeError('NO_TENANT', 'No tenant is set for a tenant-owned query', model);
  return s.tenantId;
}

function toArray(v: unknown): unknown[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/**
 * Adds `tenantId = T` to a where; unique keys stay top-level so findUnique still works. A where that
 * names no tenant gets it as a top-level field, and one that already says `tenantId: T` is kept: the
 * query is then the very one plain Prisma sends (same SQL, same plan-cache entry, less to serialize).
 * Anything else about tenantId (another id, an `in`, a `not`) is AND-merged, so it can only narrow.
 */
export function mergeTenant(s: Scope, model: string, where: unknown): Obj {
  const tenantId = needTenant(s, model);
  const w = isObj(where) ? where : {};
  const named = w[TENANT_FIELD];
  if (named === undefined) return { ...w, [TENANT_FIELD]: tenantId };
  if (named === tenantId) return w;
  return { ...w, AND: [...toArray(w.AND), { [TENANT_FIELD]: tenantId }] };
}

/** Walks a where; relation filters into tenant-owned models get the tenant condition. */
export function walkWhere(s: Scope, model: string, where: unknown): unknown {
  if (!isObj(where)) return where;
  const info = modelInfo(s, model);
  const out: Obj = {};
  for (const [key, value] of Object.entries(where)) {
    if (key === 'AND' || key === 'OR' || key === 'NOT') {
      out[key] = Array.isArray(value) ? value.map((w) => walkWhere(s, model, w)) : walkWhere(s, model, value);
      continue;
    }
    const rel = info.relations.get(key);
    out[key] = rel ? walkRelationFilter(s, rel.model, rel.isList, value) : value;
  }
  return out;
}

/** Scopes a where on `model` if it is tenant-owned, else only walks it. */
export function scopedWhere(s: Scope, model: string, where: unknown): unknown {
  const walked = walkWhere(s, model, where);
  return modelInfo(s, model).tenantOwned ? mergeTenant(s, model, walked) : walked;
}

function walkRelationFilter(s: Scope, target: string, isList: boolean, value: unknown): unknown {
  if (!isObj(value)) return value;
  const owned = modelInfo(s, target).tenantOwned;
  const scope = (w: unknown) => (owned ? mergeTenant(s, target, walkWhere(s, target, w)) : walkWhere(s, target, w));
  const out: Obj = {};
  if (isList) {
    for (const [op, w] of Object.entries(value)) {
      if (op === 'every' && owned) {
        // "every related row matches" over this tenant's rows only: rows of other tenants pass.
        out[op] = { OR: [{ [TENANT_FIELD]: { not: needTenant(s, target) } }, walkWhere(s, target, w ?? {})] };
      } else out[op] = scope(w);
    }
    return out;
  }
  if ('is' in value || 'isNot' in value) {
    for (const [op, w] of Object.entries(value)) out[op] = w === null ? null : scope(w);
    return out;
  }
  return scope(value); // to-one shorthand: `{ doc: { title: 'x' } }`
}

/** Walks `select`/`include` (and their nesting); returns the to-one checks to run on the result. */
export function walkSelection(s: Scope, model: string, args: Obj): ResultCheck {
  const checks: ResultCheck = new Map();
  for (const key of ['select', 'include'] as const) {
    if (isObj(args[key])) args[key] = walkSelectMap(s, model, args[key], checks);
  }
  return checks;
}

function walkSelectMap(s: Scope, model: string, map: Obj, checks: ResultCheck): Obj {
  const info = modelInfo(s, model);
  const out: Obj = {};
  for (const [key, value] of Object.entries(map)) {
    if (key === '_count') {
      out[key] = walkCount(s, info, value);
      continue;
    }
    const rel = info.relations.get(key);
    if (!rel || value === false || value === undefined || value === null) {
      out[key] = value;
      continue;
    }
    const target = modelInfo(s, rel.model);
    const nested: Obj = isObj(value) ? { ...value } : {};
    if (rel.isList) {
      if (target.tenantOwned || nested.where !== undefined) nested.where = scopedWhere(s, rel.model, nested.where);
    } else if (target.tenantOwned) {
      needTenant(s, rel.model);
    }
    const children = walkSelection(s, rel.model, nested);
    let strip = false;
    if (!rel.isList && target.tenantOwned && isObj(nested.select) && nested.select[TENANT_FIELD] !== true) {
      nested.select = { ...nested.select, [TENANT_FIELD]: true };
      strip = true;
    }
    if (children.size > 0 || (!rel.isList && target.tenantOwned)) {
      checks.set(key, { toOne: !rel.isList && target.tenantOwned, strip, children });
    }
    out[key] = Object.keys(nested).length === 0 ? value : nested;
  }
  return out;
}

function walkCount(s: Scope, info: ModelInfo, value: unknown): unknown {
  const lists = [...info.relations.entries()].filter(([, r]) => r.isList);
  const countOne = (target: string, v: unknown) => {
    const owned = modelInfo(s, target).tenantOwned;
    if (!owned && !(isObj(v) && v.where !== undefined)) return v;
    return { ...(isObj(v) ? v : {}), where: scopedWhere(s, target, isObj(v) ? v.where : undefined) };
  };
  if (value === true) {
    // `_count: true` counts every to-many relation: expand it so each count can be scoped.
    if (!lists.some(([, r]) => modelInfo(s, r.model).tenantOwned)) return value;
    return { select: Object.fromEntries(lists.map(([name, r]) => [name, countOne(r.model, true)])) };
  }
  if (!isObj(value) || !isObj(value.select)) return value;
  const select: Obj = {};
  for (const [name, v] of Object.entries(value.select)) {
    const rel = info.relations.get(name);
    select[name] = rel && v !== false ? countOne(rel.model, v) : v;
  }
  return { ...value, select };
}

/**
 * Ordering a model that is not tenant-owned by the size of a tenant-owned relation would rank rows
 * by other tenants' data; no filter can be attached there, so it is refused.
 */
export function checkOrderBy(s: Scope, model: string, orderBy: unknown): void {
  const info = modelInfo(s, model);
  for (const entry of toArray(orderBy)) {
    if (!isObj(entry)) continue;
    for (const [key, value] of Object.entries(entry)) {
      const rel = info.relations.get(key);
      if (!rel) continue;
      const target = modelInfo(s, rel.model);
      if (rel.isList && target.tenantOwned && !info.tenantOwned) {
        throw new TenantScopeError('CROSS_TENANT_RELATION', `Cannot order by the tenant-owned relation ${key}`, model);
      }
      if (!rel.isList) checkOrderBy(s, rel.model, value);
    }
  }
}

/** Verifies to-one tenant-owned relations in a result belong to the tenant; strips added fields. */
export function checkResult(s: Scope, model: string, checks: ResultCheck, result: unknown): unknown {
  if (checks.size === 0 || result === null || typeof result !== 'object') return result;
  if (Array.isArray(result)) {
    for (const row of result) checkResult(s, model, checks, row);
    return result;
  }
  const row = result as Obj;
  const info = modelInfo(s, model);
  for (const [key, check] of checks) {
    const value = row[key];
    const target = info.relations.get(key)?.model;
    if (value === null || value === undefined || !target) continue;
    if (check.toOne && isObj(value)) {
      if (value[TENANT_FIELD] !== s.tenantId) {
        throw new TenantScopeError('CROSS_TENANT_RELATION', `Relation ${key} points at another tenant's row`, model);
      }
      if (check.strip) delete value[TENANT_FIELD];
    }
    checkResult(s, target, check.children, value);
  }
  return result;
}

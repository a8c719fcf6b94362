/**
 * The tenant-owned tables, derived from the schema graph the Prisma extension scopes by
 * (lib/db/tenant-models.ts): a model with a `tenantId` field. Export and purge both read this list,
 * so a model added to the schema is exported and purged without a code change — and a model the
 * extension would not scope (no `tenantId`) is never touched.
 *
 * Export and purge run raw SQL on the owner connection, not the Prisma delegates: the delegates are
 * generated code, so a model only in the graph (a migration applied ahead of `prisma generate`, or the
 * table a test adds) would be invisible to them; the SQL needs only the table and its `id`.
 * Identifiers come from the schema, are checked against a strict pattern and quoted.
 * Tests: tests/lifecycle/purge.test.ts, tests/lifecycle/export.test.ts (a model added in the test).
 */
import type { ModelGraph } from '@/lib/db/tenant-models';

export type TenantTable = {
  model: string;
  /** The SQL table (Prisma's default: the model name; `@@map` is not supported here yet). */
  table: string;
  /** Columns left out of an export (secrets at rest: hashes of keys and tokens). */
  redacted: readonly string[];
};

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const SECRET_COLUMN = /hash$/i;

export function quoteIdent(name: string): string {
  if (!IDENT.test(name)) throw new Error(`lib/lifecycle: unsafe identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/**
 * Tenant-owned tables, children first: a model that references another tenant-owned model is listed
 * before it, so a purge never trips a foreign key whatever its `onDelete`.
 */
export function tenantTables(graph: ModelGraph): TenantTable[] {
  const owned = [...graph.values()].filter((m) => m.tenantOwned).sort((a, b) => a.name.localeCompare(b.name));
  const names = new Set(owned.map((m) => m.name));
  const parents = new Map<string, string[]>();
  for (const m of owned) {
    const refs = [...m.relations.values()]
      .filter((r) => r.fields.length > 0 && names.has(r.model) && r.model !== m.name)
      .map((r) => r.model);
    parents.set(m.name, refs);
  }
  // Depth-first post-order over "is referenced by": children land before their parents.
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const children = (name: string) => owned.filter((m) => parents.get(m.name)?.includes(name)).map((m) => m.name);
  const visit = (name: string) => {
    if (state.get(name) === 'done' || state.get(name) === 'visiting') return;
    state.set(name, 'visiting');
    for (const child of children(name)) visit(child);
    state.set(name, 'done');
    order.push(name);
  };
  for (const m of owned) visit(m.name);
  // `order` has every child before its parent.
  return order.map((name) => {
    const info = graph.get(name);
    if (!info) throw new Error(`lib/lifecycle: unknown model ${name}`);
    if (!info.scalars.has('id')) throw new Error(`lib/lifecycle: tenant-owned model ${name} has no id field`);
    quoteIdent(name);
    const redacted = [...info.scalars].filter((c) => SECRET_COLUMN.test(c)).sort();
    for (const column of redacted) quoteIdent(column); // they are spliced into the export's SQL
    return { model: name, table: name, redacted };
  });
}

/**
 * The first wall: a Prisma client extension that scopes every operation to one tenant.
 *
 * Invariants (proved by tests/isolation/*.test.ts in the "extension" and "both" modes):
 * - every read, count, write and nested read/write of a tenant-owned model is limited to the tenant
 *   (see scope-args.ts, scope-reads.ts, scope-writes.ts for the rules);
 * - with no tenant set, touching tenant-owned data throws `TenantScopeError('NO_TENANT')`;
 * - `$queryRaw`, `$executeRaw` and their Unsafe/Typed forms throw `TenantScopeError('RAW_SQL')`
 *   unless wrapped in the greppable `allowRawSql(() => …)`;
 * - under RLS, each call runs as its tenant on the connection (`runAsTenant`), so Postgres applies
 *   the same scope even to raw SQL.
 * The model list comes from the schema (tenant-models.ts): a new model with `tenantId` is covered
 * without touching this file.
 */
import { TenantScopeError } from './errors';
import { Prisma } from './generated/client';
import { processStorage } from './process-storage';
import { runAsTenant } from './rls-pool';
import { scopeArgs } from './scope-args';
import type { ModelGraph } from './tenant-models';

export type TenantExtensionOptions = {
  graph: ModelGraph;
  /** Read at every call: a fixed id (forTenant) or the AsyncLocalStorage tenant (db). */
  getTenantId: () => string | undefined;
  /** Wall 1: rewrite arguments. Off only in the test matrix's "RLS only" mode. */
  inject: boolean;
  /** Wall 2: put the tenant on the connection for Postgres RLS. */
  rls: boolean;
};

const RAW_OPERATIONS = new Set([
  '$queryRaw',
  '$executeRaw',
  '$queryRawUnsafe',
  '$executeRawUnsafe',
  '$queryRawTyped',
  '$runCommandRaw',
]);

const rawSqlAllowed = processStorage<true>('allow-raw-sql');

/**
 * The escape for raw SQL on a tenant client: `await allowRawSql(() => db.$queryRaw\`…\`)`.
 * Under RLS the statement still runs as the tenant; without RLS you must filter by tenantId yourself.
 */
export function allowRawSql<T>(fn: () => PromiseLike<T>): Promise<T> {
  return rawSqlAllowed.run(true, async () => await fn());
}

export function tenantExtension(options: TenantExtensionOptions) {
  const { graph, getTenantId, inject, rls } = options;
  return Prisma.defineExtension({
    name: 'tenantry-tenant-scope',
    query: {
      async $allOperations({ model, operation, args, query }) {
        const tenantId = getTenantId();
        if (!model) {
          if (RAW_OPERATIONS.has(operation) && inject && !rawSqlAllowed.getStore()) {
            throw new TenantScopeError('RAW_SQL', `${operation} is refused on a tenant client; use allowRawSql()`);
          }
          return rls ? runAsTenant(tenantId, async () => await query(args)) : query(args);
        }
        const scoped = inject ? scopeArgs({ graph, tenantId }, model, operation, args) : undefined;
        const finalArgs = (scoped?.args ?? args) as typeof args;
        // `query()` returns a lazy PrismaPromise: await it inside the context so the tenant travels.
        const result = rls ? await runAsTenant(tenantId, async () => await query(finalArgs)) : await query(finalArgs);
        return scoped ? scoped.check(result) : result;
      },
    },
  });
}

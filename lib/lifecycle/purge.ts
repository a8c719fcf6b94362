/**
 * The purge: removes every row of every tenant-owned model of one tenant, its Redis presence and
 * state, then the tenant row itself — and nothing of any other tenant.
 *
 * Invariants:
 * - The list of tables is the schema graph's (tables.ts), never a hand-kept one.
 * - Every statement is `… WHERE "tenantId" = $1`: another tenant's rows cannot match.
 * - Idempotent and resumable: it deletes in bounded batches and keeps no state of its own; killed
 *   midway, the tenant row (deleted last) is still there, so `purgeDueTenants` picks it up again and
 *   the rerun deletes what is left. Running it for a tenant already gone changes nothing.
 * - Only a tenant whose grace period is over is purged by `purgeDueTenants`.
 * Tests: tests/lifecycle/purge.test.ts (model-by-model counts of the other tenant, a killed run, a
 * model added in the test).
 */
import { tenantModelGraph } from '@/lib/db';
import type { ModelGraph } from '@/lib/db/tenant-models';
import { logger } from '@/lib/log/base';
import { getTenantPresenceBackend } from '@/lib/presence';
import { getTenantStateStore } from '@/lib/state';
import { notifyTenantPurged } from './notify';
import { ownerExecute, ownerQuery } from './sql';
import { quoteIdent, tenantTables } from './tables';

export type PurgeProgress = { model: string; deleted: number };

export type PurgeOptions = {
  graph?: ModelGraph;
  /** Rows per DELETE statement (bounded transactions, so a huge tenant never holds long locks). */
  batchSize?: number;
  /** Called after every batch (the CLI prints it). */
  onProgress?: (progress: PurgeProgress) => void | Promise<void>;
};

export type PurgeResult = { tenantId: string; deleted: Record<string, number>; redisKeys: number };

export async function purgeTenant(tenantId: string, options: PurgeOptions = {}): Promise<PurgeResult> {
  const graph = options.graph ?? tenantModelGraph();
  const batch = Math.max(1, Math.trunc(options.batchSize ?? 5000));
  const deleted: Record<string, number> = {};
  const tenant = (await ownerQuery<{ slug: string }>('SELECT "slug" FROM "Tenant" WHERE "id" = $1', tenantId))[0];

  for (const { model, table } of tenantTables(graph)) {
    const t = quoteIdent(table);
    deleted[model] = 0;
    for (;;) {
      const n = await ownerExecute(
        `DELETE FROM ${t} WHERE "id" IN (SELECT "id" FROM ${t} WHERE "tenantId" = $1 LIMIT ${batch})`,
        tenantId,
      );
      if (n === 0) break;
      deleted[model] += n;
      await options.onProgress?.({ model, deleted: deleted[model] });
    }
  }

  // Presence and state share the tenant's Redis root; the state store clears all of it.
  const presence = getTenantPresenceBackend(tenantId);
  await presence.clearTenant();
  const redisKeys = await getTenantStateStore(tenantId).clearTenant();

  // Last: while the tenant row exists, the purge is not finished and will be picked up again.
  await ownerExecute('DELETE FROM "Tenant" WHERE "id" = $1', tenantId);
  // No tenant cache to clear: the tenant was suspended for the whole grace period, and a slug that
  // no longer exists is a miss within the cache's 30 s.
  if (tenant) await notifyTenantPurged({ tenantId, slug: tenant.slug });
  logger.info({ area: 'lifecycle', tenantId, deleted, redisKeys }, 'tenant purged');
  return { tenantId, deleted, redisKeys };
}

/** Purges every tenant whose grace period ended before `now`. Returns the purged ids. */
export async function purgeDueTenants(now = new Date(), options: PurgeOptions = {}): Promise<string[]> {
  const due = await ownerQuery<{ id: string }>(
    'SELECT "id" FROM "Tenant" WHERE "purgeAfter" IS NOT NULL AND "purgeAfter" <= $1 ORDER BY "purgeAfter"',
    now,
  );
  const done: string[] = [];
  for (const { id } of due) {
    await purgeTenant(id, options);
    done.push(id);
  }
  return done;
}

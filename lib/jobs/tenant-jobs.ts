import { withoutTenant } from '@/lib/db';
import { env } from '@/lib/env';
import { DEAD_LETTER_QUEUE } from './registry';

/**
 * One tenant's jobs as the operator console shows them: counts of queued, running and failed jobs
 * per kind, and the latest failures with their last error. Read from pg-boss's own table in
 * `JOBS_SCHEMA`, where a tenant job's data is the relayed shape `{ tenantId, payload }`
 * (lib/jobs/relay.ts). The dead-letter queue holds copies of failed jobs, so it is left out — each
 * failure counts once. Crossing tenants is the console's purpose: owner connection, operators only.
 * Test: tests/platform/tenant-jobs.test.ts.
 */
export type TenantJobCount = { name: string; state: string; count: number };
export type TenantFailedJob = { id: string; name: string; retryCount: number; error: string; failedAt: Date | null };
export type TenantJobs = { counts: TenantJobCount[]; failed: TenantFailedJob[] };

const OPEN_STATES = ['created', 'retry', 'active', 'failed'];

export async function tenantJobs(tenantId: string, failedLimit = 10): Promise<TenantJobs | null> {
  // JOBS_SCHEMA is validated as a lower-case SQL identifier (lib/env/schema.ts).
  const table = `"${env.JOBS_SCHEMA}"."job"`;
  return withoutTenant(async (c) => {
    const [exists] = await c.$queryRawUnsafe<{ t: string | null }[]>('SELECT to_regclass($1)::text AS "t"', table);
    if (!exists?.t) return null;
    const counts = await c.$queryRawUnsafe<TenantJobCount[]>(
      `SELECT "name", "state"::text AS "state", count(*)::int AS "count" FROM ${table}
       WHERE "data"->>'tenantId' = $1 AND "name" <> $2 AND "state"::text = ANY($3::text[])
       GROUP BY 1, 2 ORDER BY 1, 2`,
      tenantId,
      DEAD_LETTER_QUEUE,
      OPEN_STATES,
    );
    const rows = await c.$queryRawUnsafe<
      { id: string; name: string; retryCount: number; output: unknown; failedAt: Date | null }[]
    >(
      `SELECT "id"::text AS "id", "name", "retry_count" AS "retryCount", "output", "completed_on" AS "failedAt"
       FROM ${table} WHERE "data"->>'tenantId' = $1 AND "name" <> $2 AND "state" = 'failed'
       ORDER BY "completed_on" DESC NULLS LAST LIMIT ${Math.max(1, Math.trunc(failedLimit))}`,
      tenantId,
      DEAD_LETTER_QUEUE,
    );
    const failed = rows.map(({ output, ...row }) => ({ ...row, error: errorText(output) }));
    return { counts, failed };
  });
}

function errorText(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output)
    return String((output as { message: unknown }).message).slice(0, 500);
  return output === null || output === undefined ? '' : JSON.stringify(output).slice(0, 500);
}

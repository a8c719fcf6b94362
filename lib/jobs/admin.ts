import type PgBoss from 'pg-boss';
import { env } from '@/lib/env';
import { DEAD_LETTER_QUEUE } from './registry';

/**
 * The operator's view of the queue (`npm run jobs`): jobs that used up their retries, and a way to
 * run one again. A failed job keeps its last error in `output`; a copy also sits in the dead-letter
 * queue so a purge of the original queue never hides what failed.
 */
export type FailedJob = {
  id: string;
  name: string;
  retryCount: number;
  error: string;
  failedAt: Date | null;
  tenantId: string | null;
};

type Row = { id: string; name: string; retry_count: number; output: unknown; completed_on: Date | null; data: unknown };

function errorText(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output)
    return String((output as { message: unknown }).message);
  return output === null || output === undefined ? '' : JSON.stringify(output);
}

export async function listFailedJobs(boss: PgBoss, limit = 100): Promise<FailedJob[]> {
  const schema = env.JOBS_SCHEMA;
  const { rows } = (await boss.getDb().executeSql(
    `SELECT id, name, retry_count, output, completed_on, data FROM ${schema}.job
       WHERE state = 'failed' AND name <> $1 ORDER BY completed_on DESC NULLS LAST LIMIT $2`,
    [DEAD_LETTER_QUEUE, limit],
  )) as { rows: Row[] };
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    retryCount: row.retry_count,
    error: errorText(row.output),
    failedAt: row.completed_on,
    tenantId: (row.data as { tenantId?: string | null } | null)?.tenantId ?? null,
  }));
}

/** Counts per state for every queue (created, retry, active, completed, failed). */
export async function queueCounts(boss: PgBoss): Promise<Array<{ name: string; state: string; count: number }>> {
  const { rows } = (await boss
    .getDb()
    .executeSql(
      `SELECT name, state::text AS state, count(*)::int AS count FROM ${env.JOBS_SCHEMA}.job GROUP BY 1, 2 ORDER BY 1, 2`,
      [],
    )) as { rows: Array<{ name: string; state: string; count: number }> };
  return rows;
}

export async function retryFailedJob(boss: PgBoss, id: string): Promise<boolean> {
  const { rows } = (await boss
    .getDb()
    .executeSql(`SELECT name FROM ${env.JOBS_SCHEMA}.job WHERE id = $1 AND state = 'failed' AND name <> $2`, [
      id,
      DEAD_LETTER_QUEUE,
    ])) as { rows: Array<{ name: string }> };
  const name = rows[0]?.name;
  if (!name) return false;
  await boss.retry(name, id);
  return true;
}

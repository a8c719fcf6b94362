import PgBoss from 'pg-boss';
import { env } from '@/lib/env';
import { DEAD_LETTER_QUEUE, definedJobs } from './registry';
import type { RelayedJob } from './relay';

/**
 * pg-boss on the app's own PostgreSQL (owner connection, its own schema `JOBS_SCHEMA`): no other
 * service to run, and any number of workers on any number of machines share the queue through
 * `SELECT … FOR UPDATE SKIP LOCKED`.
 */
export function createBoss(
  connectionString = env.DATABASE_URL,
  options: Partial<PgBoss.ConstructorOptions> = {},
): PgBoss {
  if (!connectionString) throw new Error('DATABASE_URL is not set: the job queue lives in PostgreSQL');
  return new PgBoss({
    connectionString,
    schema: env.JOBS_SCHEMA,
    max: 4,
    application_name: 'tenantry-jobs',
    // How often a worker fails jobs whose attempt outlived expireInSeconds (a killed worker's).
    maintenanceIntervalSeconds: 30,
    ...options,
  });
}

/** Creates (or updates) a queue per defined job, with its retry policy and the dead-letter queue. */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  if (!(await boss.getQueue(DEAD_LETTER_QUEUE)))
    await boss.createQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE, retryLimit: 0 });
  for (const job of definedJobs()) {
    const options = {
      name: job.name,
      retryLimit: job.retryLimit ?? 5,
      retryDelay: job.retryDelaySeconds ?? 2,
      retryBackoff: true,
      expireInSeconds: job.expireInSeconds ?? 300,
      deadLetter: DEAD_LETTER_QUEUE,
    };
    if (await boss.getQueue(job.name)) await boss.updateQueue(job.name, options);
    else await boss.createQueue(job.name, options);
  }
}

/**
 * Upserts the schedule of every recurring job (one row per name in pg-boss's `schedule` table, so
 * any number of workers starting agree). The scheduled job carries the relayed shape with no
 * tenant, so it runs like any other platform job. Run after ensureQueues: a schedule needs its queue.
 */
export async function ensureSchedules(boss: PgBoss): Promise<void> {
  for (const job of definedJobs()) {
    if (!job.cron) continue;
    await boss.schedule(job.name, job.cron, { tenantId: null, payload: {} } satisfies RelayedJob, { tz: 'UTC' });
  }
}

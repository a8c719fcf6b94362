/**
 * The lifecycle's periodic work as recurring platform jobs (scheduled by every worker at start,
 * lib/jobs/boss.ts `ensureSchedules`): the purge of tenants whose deletion grace period is over,
 * hourly, and audit retention, daily. Both are idempotent and resumable, so a retried or doubled
 * run deletes nothing more than one run would. `npm run lifecycle` runs the same functions by hand.
 * Test: tests/jobs/schedules.test.ts.
 */
import { purgeExpiredAudit } from '@/lib/audit/retention';
import { defineJob } from '@/lib/jobs/registry';
import { logger } from '@/lib/log/base';
import { purgeDueTenants } from './purge';

export const PURGE_DUE_JOB = 'lifecycle-purge-due';
export const AUDIT_RETENTION_JOB = 'audit-retention';

defineJob({
  name: PURGE_DUE_JOB,
  tenant: false,
  cron: '0 * * * *',
  retryLimit: 3,
  // A large tenant takes a while; an attempt is only failed (and retried) after an hour.
  expireInSeconds: 3600,
  async handler() {
    const purged = await purgeDueTenants();
    if (purged.length) logger.info({ area: 'lifecycle', purged }, 'due tenants purged');
  },
});

defineJob({
  name: AUDIT_RETENTION_JOB,
  tenant: false,
  cron: '30 3 * * *',
  retryLimit: 3,
  expireInSeconds: 3600,
  async handler() {
    const result = await purgeExpiredAudit();
    logger.info({ area: 'audit', ...result }, 'audit retention ran');
  },
});

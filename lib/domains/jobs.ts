/**
 * The custom-domain sweep as a recurring platform job (scheduled by every worker at start,
 * lib/jobs/boss.ts `ensureSchedules`): every six hours, re-check every pending and verified
 * domain's TXT record (lib/domains/verify.ts). Idempotent: a doubled run changes nothing more, and
 * its notices are keyed per transition. `npm run domains -- verify` runs the same function by hand.
 * Test: tests/jobs/schedules.test.ts.
 */
import { defineJob } from '@/lib/jobs/registry';
import { logger } from '@/lib/log/base';
import { verifyDomains } from './verify';

export const DOMAINS_VERIFY_JOB = 'domains-verify';

defineJob({
  name: DOMAINS_VERIFY_JOB,
  tenant: false,
  cron: '20 */6 * * *',
  retryLimit: 3,
  expireInSeconds: 3600,
  async handler() {
    const result = await verifyDomains();
    logger.info({ area: 'domains', ...result }, 'custom domains re-verified');
  },
});

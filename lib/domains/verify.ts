import { env } from '@/lib/env';
import { checkTxtRecord } from './dns-check';
import { notifyDomainStatus } from './notify';
import { type DomainRow, domainsToCheck, recordCheck } from './queries';

/**
 * One domain's check and the status machine: pending → verified when the TXT record matches (unless
 * another tenant verified the host first); verified stays verified while a re-check fails, until it
 * has failed for DOMAIN_REVERIFY_FAIL_DAYS, then → failed (it stops resolving within the edge
 * cache's TTL). Owners hear about both transitions (lib/domains/notify.ts).
 * Tests: tests/domains/domains.test.ts.
 */
export type VerifyOutcome =
  | { status: 'verified'; changed: boolean }
  | { status: 'pending' | 'failed'; changed: boolean; error: string }
  | { status: 'taken'; changed: false; error: string };

const DAY_MS = 86_400_000;
export const TAKEN_MESSAGE = 'Another organisation has already verified this domain';

export async function verifyDomain(
  tenantId: string,
  domain: DomainRow,
  now: Date = new Date(),
): Promise<VerifyOutcome> {
  const check = await checkTxtRecord(domain.hostname, domain.token);
  if (check.ok) {
    const first = domain.status !== 'verified';
    const saved = await recordCheck(tenantId, domain.id, {
      status: 'verified',
      verifiedAt: first ? now : undefined,
      failingSince: null,
      lastError: null,
      now,
    });
    if (!saved.ok) {
      await recordCheck(tenantId, domain.id, { status: domain.status as 'pending', lastError: TAKEN_MESSAGE, now });
      return { status: 'taken', changed: false, error: TAKEN_MESSAGE };
    }
    if (first) await notifyDomainStatus({ tenantId, hostname: domain.hostname, status: 'verified', at: now });
    return { status: 'verified', changed: first };
  }
  if (domain.status !== 'verified') {
    await recordCheck(tenantId, domain.id, { status: 'pending', lastError: check.error, now });
    return { status: 'pending', changed: false, error: check.error };
  }
  const since = domain.failingSince ?? now;
  if (now.getTime() - since.getTime() >= env.DOMAIN_REVERIFY_FAIL_DAYS * DAY_MS) {
    await recordCheck(tenantId, domain.id, { status: 'failed', failingSince: since, lastError: check.error, now });
    await notifyDomainStatus({ tenantId, hostname: domain.hostname, status: 'failed', at: now });
    return { status: 'failed', changed: true, error: check.error };
  }
  await recordCheck(tenantId, domain.id, { status: 'verified', failingSince: since, lastError: check.error, now });
  return { status: 'verified', changed: false };
}

/** The sweep (`npm run domains -- verify`, or a recurring job): re-checks every pending and verified domain. */
export async function verifyDomains(
  now: Date = new Date(),
): Promise<{ checked: number; verified: number; failed: number }> {
  let verified = 0;
  let failed = 0;
  const domains = await domainsToCheck();
  for (const domain of domains) {
    const outcome = await verifyDomain(domain.tenantId, domain, now);
    if (outcome.changed && outcome.status === 'verified') verified++;
    if (outcome.changed && outcome.status === 'failed') failed++;
  }
  return { checked: domains.length, verified, failed };
}

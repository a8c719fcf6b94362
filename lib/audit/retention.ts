/**
 * Audit retention: tenant and platform audit entries older than AUDIT_RETENTION_DAYS are removed,
 * in bounded batches (run by `npm run lifecycle -- retention`; the lead registers it as a recurring
 * job). Crossing tenants is the point, so it uses the owner connection; it filters by age only and
 * touches no other table. Tests: tests/platform/audit.test.ts.
 */
import { withoutTenant } from '@/lib/db';
import { env } from '@/lib/env';

const DAY_MS = 86_400_000;

export type RetentionResult = { cutoff: Date; tenantEntries: number; platformEntries: number };

export async function purgeExpiredAudit({
  now = new Date(),
  days = env.AUDIT_RETENTION_DAYS,
  batchSize = 5000,
}: {
  now?: Date;
  days?: number;
  batchSize?: number;
} = {}): Promise<RetentionResult> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const batch = Math.max(1, Math.trunc(batchSize));
  const drain = async (table: 'AuditLog' | 'PlatformAuditLog') => {
    let total = 0;
    for (;;) {
      const n = await withoutTenant((c) =>
        c.$executeRawUnsafe(
          `DELETE FROM "${table}" WHERE "id" IN (SELECT "id" FROM "${table}" WHERE "createdAt" < $1 LIMIT ${batch})`,
          cutoff,
        ),
      );
      total += n;
      if (n < batch) return total;
    }
  };
  return { cutoff, tenantEntries: await drain('AuditLog'), platformEntries: await drain('PlatformAuditLog') };
}

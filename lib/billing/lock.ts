import 'server-only';
import { allowRawSql } from '@/lib/db';

/**
 * The one lock that serialises everything that counts seats or changes a tenant's subscription:
 * `SELECT … FOR UPDATE` on the tenant's row, inside the caller's transaction. Webhook deliveries
 * and invitation accepts of the same tenant queue behind it, so a count-then-insert cannot race
 * (20 concurrent accepts at the limit admit exactly the limit: tests/billing/seats.test.ts).
 * Other tenants' rows are not touched, so tenants never wait for each other.
 */
type RawCapable = { $queryRaw: (query: TemplateStringsArray, ...values: unknown[]) => PromiseLike<unknown> };

export async function lockTenantRow(tx: RawCapable, tenantId: string): Promise<void> {
  await allowRawSql(() => tx.$queryRaw`SELECT "id" FROM "Tenant" WHERE "id" = ${tenantId} FOR UPDATE`);
}

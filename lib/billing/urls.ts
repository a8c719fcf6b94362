import 'server-only';
import { headers } from 'next/headers';
import { getTenantBasePath } from '@/lib/tenants/server';

/**
 * The absolute URL of the tenant's Billing page on the host the owner is using (Stripe needs
 * absolute return URLs; the local checkout pages live under it). Never APP_URL: that is the main
 * origin, and billing belongs to the tenant's host.
 */
export async function billingPageUrl(): Promise<string> {
  const h = await headers();
  const protocol = h.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  return `${protocol}://${h.get('host') ?? 'localhost'}${await getTenantBasePath()}/billing`;
}

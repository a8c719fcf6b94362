import 'server-only';
import { listUserTenants, type UserTenant } from '@/lib/auth/membership';
import { type SwitchMode, switchModeFor, tenantDashboardHref } from '@/lib/auth/tenant-links';
import { getTenancyConfig } from '@/lib/tenants/config';

/**
 * What the tenant switcher shows: the user's organisations, each with the link that selects it in
 * the active resolver mode (a URL in subdomain and path mode; null in session mode, where the
 * switcher posts a form instead, and in header/custom mode). Listing a tenant here grants nothing:
 * the destination page checks membership again.
 */
export type SwitcherEntry = UserTenant & { href: string | null };
export type Switcher = { mode: SwitchMode; tenants: SwitcherEntry[] };

export async function loadSwitcher(userId: string): Promise<Switcher> {
  const tenants = await listUserTenants(userId);
  const mode = switchModeFor(getTenancyConfig().resolvers);
  return { mode, tenants: tenants.map((t) => ({ ...t, href: tenantDashboardHref(t.slug, mode) })) };
}

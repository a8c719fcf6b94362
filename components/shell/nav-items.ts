import { type Action, can, type Role } from '@/lib/auth/permissions';
import { featureEnabled } from '@/lib/settings/features';
import type { FeatureId } from '@/lib/settings/schema';
import type { TenantInfo } from '@/lib/tenants/tenant-info';

/** Icons are named, not passed: the nav is built on the server and rendered by a client component. */
export type NavIcon = 'dashboard' | 'documents' | 'members' | 'settings' | 'audit';

/** One entry of the tenant nav: `segment` is the page's first path segment below the tenant. */
export type NavItem = { href: string; segment: string; label: string; icon: NavIcon };

const NAV: { segment: string; label: string; icon: NavIcon; action: Action; feature?: FeatureId }[] = [
  { segment: 'dashboard', label: 'Dashboard', icon: 'dashboard', action: 'items.view' },
  { segment: 'documents', label: 'Documents', icon: 'documents', action: 'documents.view', feature: 'documents' },
  { segment: 'members', label: 'Members', icon: 'members', action: 'members.view' },
  { segment: 'settings', label: 'Settings', icon: 'settings', action: 'settings.view' },
  { segment: 'audit', label: 'Audit log', icon: 'audit', action: 'audit.view' },
];

/**
 * The pages this member may open, with links under `base` ('/acme' in path mode, '' otherwise).
 * It follows the pages' own checks (role, feature switch) so the nav never offers a 403 or a 404;
 * it is not itself a check.
 */
export function visibleNav(role: Role, tenant: Pick<TenantInfo, 'settings'>, base: string): NavItem[] {
  return NAV.filter((item) => can(role, item.action) && (!item.feature || featureEnabled(tenant, item.feature))).map(
    ({ segment, label, icon }) => ({ href: `${base}/${segment}`, segment, label, icon }),
  );
}

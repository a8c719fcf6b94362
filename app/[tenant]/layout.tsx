import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { visibleNav } from '@/components/shell/nav-items';
import { redirect } from 'next/navigation';
import { requirePermission } from '@/lib/auth/guard';
import { isSuspendedPageRequest } from '@/lib/lifecycle/suspended-page';
import { loadSwitcher } from '@/lib/tenant-switcher/queries';
import { getTenantBasePath } from '@/lib/tenants/server';

type Props = { children: ReactNode; params: Promise<{ tenant: string }> };

function safeLogo(value: unknown): string | null {
  return typeof value === 'string' && value.startsWith('https://') ? value : null;
}

/**
 * Chrome for every tenant page: the app shell (sidebar, mobile menu, switcher, user menu). It calls
 * the guard so a non-member never sees the frame, but every page below calls `requirePermission`
 * itself too — a layout is not a wall (it is not re-run on client navigation, and server actions
 * never pass through it).
 */
export default async function TenantLayout({ children, params }: Props) {
  // allowSuspended: the frame also wraps the suspended page; any other page of a suspended tenant is
  // redirected there from here, before a loading boundary commits a 200 (and each page refuses too).
  const { tenant, user, role, suspended } = await requirePermission('tenant.view', (await params).tenant, {
    allowSuspended: true,
  });
  const [base, switcher] = await Promise.all([getTenantBasePath(), loadSwitcher(user.id)]);
  if (suspended && !(await isSuspendedPageRequest())) redirect(`${base}/suspended`);

  return (
    <AppShell
      tenant={{ id: tenant.id, name: tenant.name, logo: safeLogo(tenant.getSetting('logoUrl')) }}
      user={{ name: user.name, email: user.email, image: user.image }}
      role={role}
      nav={suspended ? [] : visibleNav(role, tenant, base)}
      home={`${base}/dashboard`}
      switcher={switcher}
    >
      {children}
    </AppShell>
  );
}

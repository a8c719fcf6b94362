import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { TenantSwitcher } from '@/components/tenant-switcher/tenant-switcher';
import { requirePermission } from '@/lib/auth/guard';
import { type Action, can } from '@/lib/auth/permissions';
import { loadSwitcher } from '@/lib/tenant-switcher/queries';
import { getTenantBasePath } from '@/lib/tenants/server';

type Props = { children: ReactNode; params: Promise<{ tenant: string }> };

const NAV: { href: string; label: string; action: Action }[] = [
  { href: '/dashboard', label: 'Dashboard', action: 'items.view' },
  { href: '/documents', label: 'Documents', action: 'documents.view' },
  { href: '/members', label: 'Members', action: 'members.view' },
  { href: '/settings', label: 'Settings', action: 'settings.view' },
  { href: '/audit', label: 'Audit log', action: 'audit.view' },
];

function safeLogo(value: unknown): string | null {
  return typeof value === 'string' && value.startsWith('https://') ? value : null;
}

/**
 * Chrome for every tenant page: nav, switcher, sign-out. It calls the guard so a non-member never
 * sees the frame, but every page below calls `requirePermission` itself too — a layout is not a wall
 * (it is not re-run on client navigation, and server actions never pass through it).
 */
export default async function TenantLayout({ children, params }: Props) {
  // allowSuspended: the frame also wraps the suspended page; each page below refuses on its own.
  const { tenant, user, role, suspended } = await requirePermission('tenant.view', (await params).tenant, {
    allowSuspended: true,
  });
  const [base, switcher] = await Promise.all([getTenantBasePath(), loadSwitcher(user.id)]);
  const logo = safeLogo(tenant.getSetting('logoUrl'));

  return (
    <div className="min-h-screen">
      <header className="flex flex-wrap items-center gap-4 border-b px-6 py-3">
        <Link href={`${base}/dashboard`} className="flex items-center gap-2 font-semibold" data-testid="tenant-name">
          {/* biome-ignore lint/performance/noImgElement: tenant logos are arbitrary https URLs, not optimisable assets */}
          {logo ? <img src={logo} alt="" className="h-6 w-6 rounded" referrerPolicy="no-referrer" /> : null}
          {tenant.name}
        </Link>
        <nav aria-label="Main" className="flex gap-3 text-sm">
          {NAV.filter((item) => !suspended && can(role, item.action)).map((item) => (
            <Link key={item.href} href={`${base}${item.href}`} className="underline-offset-4 hover:underline">
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-4">
          <TenantSwitcher switcher={switcher} activeTenantId={tenant.id} />
          <span className="text-sm text-zinc-500" data-testid="user-email">
            {user.email}
          </span>
          <SignOutButton />
        </div>
      </header>
      {children}
    </div>
  );
}

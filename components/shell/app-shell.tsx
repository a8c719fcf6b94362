import Link from 'next/link';
import type { ReactNode } from 'react';
import { TenantSwitcher } from '@/components/tenant-switcher/tenant-switcher';
import type { Role } from '@/lib/auth/permissions';
import type { Switcher } from '@/lib/tenant-switcher/queries';
import { MobileNav } from './mobile-nav';
import type { NavItem } from './nav-items';
import { CurrentPageCrumb, NavLinks } from './nav-links';
import { UserMenu } from './user-menu';

type Props = {
  tenant: { id: string; name: string; logo: string | null };
  user: { name: string | null; email: string; image: string | null };
  role: Role;
  nav: NavItem[];
  home: string;
  switcher: Switcher;
  children: ReactNode;
};

function TenantMark({ name, logo, home }: { name: string; logo: string | null; home: string }) {
  return (
    <Link
      href={home}
      className="flex min-w-0 items-center gap-2 rounded-md font-semibold outline-none focus-visible:ring-2 focus-visible:ring-ring"
      data-testid="tenant-name"
    >
      {logo ? (
        // biome-ignore lint/performance/noImgElement: tenant logos are arbitrary https URLs, not optimisable assets
        <img src={logo} alt="" className="size-6 shrink-0 rounded" referrerPolicy="no-referrer" />
      ) : (
        <span
          aria-hidden="true"
          className="flex size-6 shrink-0 items-center justify-center rounded bg-primary text-xs text-primary-foreground"
        >
          {name.slice(0, 1).toUpperCase()}
        </span>
      )}
      <span className="truncate">{name}</span>
    </Link>
  );
}

/**
 * The frame of every tenant page: a sidebar (tenant, organisation switcher, nav) from the `md`
 * breakpoint up; below it a header with a menu button opening the same nav in a sheet. The header
 * carries the breadcrumb (tenant › page) and the user menu. Nothing here is a permission check:
 * the layout and every page call the guard, and `nav` only lists what they would allow.
 */
export function AppShell({ tenant, user, role, nav, home, switcher, children }: Props) {
  const switcherControl = <TenantSwitcher switcher={switcher} activeTenantId={tenant.id} />;
  return (
    <div className="min-h-screen md:grid md:grid-cols-[16rem_minmax(0,1fr)]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-background focus:p-2"
      >
        Skip to content
      </a>
      <aside className="sticky top-0 hidden h-screen flex-col gap-4 border-r border-border bg-muted/40 p-4 md:flex">
        <TenantMark name={tenant.name} logo={tenant.logo} home={home} />
        {switcherControl}
        <nav aria-label="Main">
          <NavLinks items={nav} />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-border bg-background px-3 sm:px-6">
          <MobileNav items={nav} tenantName={tenant.name} switcher={switcherControl} />
          <nav aria-label="Breadcrumb" className="min-w-0 flex-1">
            <ol className="flex min-w-0 items-center gap-2 text-sm text-muted-foreground">
              <li className="min-w-0 truncate">{tenant.name}</li>
              <CurrentPageCrumb items={nav} />
            </ol>
          </nav>
          <UserMenu name={user.name} email={user.email} image={user.image} role={role} />
        </header>
        <div id="main" className="min-w-0 flex-1">
          {children}
        </div>
      </div>
    </div>
  );
}

'use client';

import { FileText, LayoutDashboard, type LucideIcon, ScrollText, Settings, Users } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import type { NavIcon, NavItem } from './nav-items';

const ICONS: Record<NavIcon, LucideIcon> = {
  dashboard: LayoutDashboard,
  documents: FileText,
  members: Users,
  settings: Settings,
  audit: ScrollText,
};

/**
 * Is `item` the page being shown? The browser's path is `/dashboard` on a tenant's host and
 * `/acme/dashboard` in path mode, so the page's segment is looked for in the first two places.
 */
export function isCurrent(pathname: string, item: Pick<NavItem, 'segment'>): boolean {
  const segments = pathname.split('/').filter(Boolean);
  return segments[0] === item.segment || segments[1] === item.segment;
}

/** The tenant nav: the current page is marked for everyone (`aria-current="page"`), not only by colour. */
export function NavLinks({ items, onNavigate }: { items: NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname() ?? '';
  return (
    <ul className="grid gap-1">
      {items.map((item) => {
        const Icon = ICONS[item.icon];
        const current = isCurrent(pathname, item);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={current ? 'page' : undefined}
              className={cn(
                'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground transition-colors',
                'outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-2 focus-visible:ring-ring',
                current && 'bg-accent text-accent-foreground',
              )}
            >
              <Icon className="size-4 shrink-0" aria-hidden="true" />
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** The breadcrumb's last step: the current page, when it is one of the nav's (not on an error page). */
export function CurrentPageCrumb({ items }: { items: NavItem[] }) {
  const pathname = usePathname() ?? '';
  const item = items.find((candidate) => isCurrent(pathname, candidate));
  if (!item) return null;
  return (
    <>
      <li aria-hidden="true">/</li>
      <li className="min-w-0 truncate font-medium text-foreground" aria-current="page">
        {item.label}
      </li>
    </>
  );
}

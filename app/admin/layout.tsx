import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireOperator } from '@/lib/platform/operator-session';

/**
 * The operator console's frame. Not a wall (layouts do not re-run on client navigation): every page
 * and route under /admin calls `requireOperator` itself, and anyone else gets a 404.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const operator = await requireOperator();
  return (
    <div className="min-h-screen">
      <header className="flex flex-wrap items-center gap-4 border-b px-6 py-3">
        <Link href="/admin" className="font-semibold">
          Tenantry operator console
        </Link>
        <nav aria-label="Console" className="flex gap-3 text-sm">
          <Link href="/admin" className="underline-offset-4 hover:underline">
            Tenants
          </Link>
          <Link href="/admin/audit" className="underline-offset-4 hover:underline">
            Platform audit log
          </Link>
        </nav>
        <span className="ml-auto text-sm text-muted-foreground" data-testid="operator-email">
          {operator.email}
        </span>
      </header>
      {children}
    </div>
  );
}

import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { getTenantBasePath } from '@/lib/tenants/server';

/**
 * A member whose role is too low for a page (`forbidden()` in the guard, status 403): said inside
 * the shell, so the nav shows where they may go, with a way back to the dashboard.
 */
export default async function TenantForbidden() {
  const base = await getTenantBasePath();
  return (
    <main className="mx-auto w-full max-w-xl space-y-4 px-4 py-10 sm:px-6" data-testid="forbidden">
      <h1 className="text-2xl font-semibold tracking-tight">Forbidden</h1>
      <p className="text-muted-foreground">
        Your role in this organisation does not allow this page. Ask an admin if you need access.
      </p>
      <Button asChild>
        <Link href={`${base}/dashboard`}>Back to the dashboard</Link>
      </Button>
    </main>
  );
}

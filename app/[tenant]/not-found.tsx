import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { getTenantBasePath } from '@/lib/tenants/server';

/**
 * Not found INSIDE a tenant the viewer belongs to (an unknown document, a feature switched off):
 * rendered within the shell, with a way back. A non-member never gets here — the layout's guard
 * sends them to the root not-found page, which looks the same as for an unknown tenant.
 */
export default async function TenantNotFound() {
  const base = await getTenantBasePath();
  return (
    <main className="mx-auto w-full max-w-xl space-y-4 px-4 py-10 sm:px-6" data-testid="not-found">
      <h1 className="text-2xl font-semibold tracking-tight">Not found</h1>
      <p className="text-muted-foreground">
        There is nothing here: it may have been deleted, or this feature is switched off for the organisation.
      </p>
      <Button asChild>
        <Link href={`${base}/dashboard`}>Back to the dashboard</Link>
      </Button>
    </main>
  );
}

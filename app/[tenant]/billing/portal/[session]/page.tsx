import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { localPortal } from '@/components/billing/actions';
import { BillingActionForm } from '@/components/billing/billing-action-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/guard';
import { billingProviderName } from '@/lib/billing/config';
import { readLocalSession } from '@/lib/billing/local-session';
import { getTenantBasePath } from '@/lib/tenants/server';

type Props = { params: Promise<{ tenant: string; session: string }> };

export const metadata: Metadata = { title: 'Billing portal' };

/**
 * The local provider's Customer Portal (owner only): cancel, or simulate a failed and a recovered
 * renewal payment, each as the signed events Stripe would send. A token for another tenant is a 404.
 */
export default async function LocalPortalPage({ params }: Props) {
  const { tenant: slug, session: token } = await params;
  const { tenant } = await requirePermission('billing.manage', slug);
  if (billingProviderName() !== 'local') notFound();
  const raw = decodeURIComponent(token);
  const session = readLocalSession(raw, tenant.id);
  if (session?.kind !== 'portal') notFound();
  const base = await getTenantBasePath();
  const ops = [
    { op: 'fail-payment', label: 'Simulate a failed payment', variant: 'outline' },
    { op: 'pay-invoice', label: 'Simulate a successful payment', variant: 'outline' },
    { op: 'cancel', label: 'Cancel subscription', variant: 'destructive' },
  ] as const;

  return (
    <main className="mx-auto max-w-xl p-8">
      <Card>
        <CardHeader>
          <CardTitle>
            <h1 className="text-2xl font-semibold">Billing portal — {tenant.name}</h1>
          </CardTitle>
          <CardDescription>
            Local billing provider: Stripe's Customer Portal takes this place in production.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {ops.map(({ op, label, variant }) => (
            <BillingActionForm
              key={op}
              action={localPortal}
              submitLabel={label}
              variant={variant}
              testId={`portal-${op}`}
            >
              <input type="hidden" name="session" value={raw} />
              <input type="hidden" name="op" value={op} />
            </BillingActionForm>
          ))}
          <a href={`${base}/billing`} className="text-sm underline">
            Back to Billing
          </a>
        </CardContent>
      </Card>
    </main>
  );
}

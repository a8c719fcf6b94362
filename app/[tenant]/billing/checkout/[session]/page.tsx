import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { payLocalCheckout } from '@/components/billing/actions';
import { BillingActionForm } from '@/components/billing/billing-action-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/guard';
import { billingProviderName } from '@/lib/billing/config';
import { readLocalSession } from '@/lib/billing/local-session';
import { PLANS } from '@/lib/billing/plans';

type Props = { params: Promise<{ tenant: string; session: string }> };

export const metadata: Metadata = { title: 'Checkout' };

/**
 * The local provider's Checkout (owner only). The session token names this tenant, the plan and
 * the seats, signed; a token for another tenant, expired or edited is a 404. "Pay" emits the
 * signed events Stripe would send after a successful Checkout (lib/billing/actions.ts).
 */
export default async function LocalCheckoutPage({ params }: Props) {
  const { tenant: slug, session: token } = await params;
  const { tenant } = await requirePermission('billing.manage', slug);
  if (billingProviderName() !== 'local') notFound();
  const session = readLocalSession(decodeURIComponent(token), tenant.id);
  if (session?.kind !== 'checkout' || !session.plan || !session.seats) notFound();
  const plan = PLANS[session.plan];

  return (
    <main className="mx-auto max-w-xl p-8">
      <Card>
        <CardHeader>
          <CardTitle>
            <h1 className="text-2xl font-semibold">Checkout — {plan.name}</h1>
          </CardTitle>
          <CardDescription>
            Local billing provider: no card, no payment. Stripe Checkout takes this place in production.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <p data-testid="checkout-summary">
            {tenant.name}: {plan.name}, {session.seats} seats at {plan.pricePerSeat}.
          </p>
          <BillingActionForm action={payLocalCheckout} submitLabel="Pay" testId="local-checkout">
            <input type="hidden" name="session" value={decodeURIComponent(token)} />
          </BillingActionForm>
        </CardContent>
      </Card>
    </main>
  );
}

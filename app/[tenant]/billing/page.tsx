import type { Metadata } from 'next';
import { BillingActionForm } from '@/components/billing/billing-action-form';
import { changePlan, openPortal, startCheckout } from '@/components/billing/actions';
import { PlanFields } from '@/components/billing/plan-fields';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/guard';
import { loadBillingOverview } from '@/lib/billing/overview';
import { FEATURE_LABELS, type Features, PLAN_IDS, PLANS } from '@/lib/billing/plans';

type Props = { params: Promise<{ tenant: string }> };

export const metadata: Metadata = { title: 'Billing' };

function money(cents: number, currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
}

/** OWNER only (`billing.manage`): the plan, seats, trial, invoices, and the buttons that change them. */
export default async function BillingPage({ params }: Props) {
  const { tenant } = await requirePermission('billing.manage', (await params).tenant);
  const o = await loadBillingOverview(tenant.id);
  const ent = o.entitlements;
  const minSeats = Math.max(o.seatsUsed, 1);

  return (
    <main className="mx-auto max-w-3xl space-y-8 p-8">
      <h1 className="text-3xl font-semibold">Billing</h1>
      {o.provider === null ? (
        <p role="alert">Billing is not configured on this server (set BILLING_PROVIDER).</p>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            Plan: <span data-testid="billing-plan">{ent.planName}</span>
            <Badge
              variant={o.subscription.status === 'past_due' ? 'warning' : 'secondary'}
              data-testid="billing-status"
            >
              {o.subscription.status === 'none' ? 'no subscription' : o.subscription.status.replace('_', ' ')}
            </Badge>
          </CardTitle>
          <CardDescription>{o.provider === 'local' ? 'Local provider: no payment is taken.' : null}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-2 text-sm">
          <p>
            Seats: <span data-testid="billing-seats">{`${o.seatsUsed} / ${ent.seatLimit}`}</span> used
          </p>
          {o.trialDaysLeft !== null ? <p data-testid="billing-trial">Trial: {o.trialDaysLeft} days left</p> : null}
          {o.subscription.status === 'past_due' ? (
            <p role="alert" data-testid="billing-grace">
              {ent.inGrace
                ? `Payment failed. Your plan stays active for ${o.graceDaysLeft} more days; update your card in the portal.`
                : 'Payment failed and the grace period is over: the workspace has the Free plan until payment succeeds.'}
            </p>
          ) : null}
          <ul className="flex flex-wrap gap-2" data-testid="billing-features">
            {(Object.keys(FEATURE_LABELS) as (keyof Features)[]).map((key) => (
              <li key={key}>
                <Badge variant={ent.features[key] ? 'success' : 'outline'} data-testid={`feature-${key}`}>
                  {FEATURE_LABELS[key]}: {ent.features[key] ? 'on' : 'off'}
                </Badge>
              </li>
            ))}
          </ul>
          <p>
            API keys: up to {ent.apiKeyLimit} · rate limit tier: {ent.rateLimitTier}
          </p>
        </CardContent>
      </Card>

      {o.provider !== null ? (
        <Card>
          <CardHeader>
            <CardTitle>{o.live ? 'Change plan or seats' : 'Upgrade'}</CardTitle>
            <CardDescription>
              {o.live
                ? 'Downgrading below the members you have is refused: remove members first.'
                : `Paid plans are billed per seat. ${PLAN_IDS.filter((p) => p !== 'free')
                    .map((p) => `${PLANS[p].name}: ${PLANS[p].pricePerSeat}`)
                    .join('; ')}.`}
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            {o.live ? (
              <>
                <BillingActionForm action={changePlan} submitLabel="Change plan" testId="billing-change">
                  <PlanFields
                    plans={PLAN_IDS}
                    plan={o.subscription.plan}
                    seats={Math.max(o.subscription.seats, minSeats)}
                    minSeats={minSeats}
                    idPrefix="change"
                  />
                </BillingActionForm>
                <BillingActionForm
                  action={openPortal}
                  submitLabel="Manage billing (portal)"
                  variant="outline"
                  testId="billing-portal"
                />
              </>
            ) : (
              <BillingActionForm action={startCheckout} submitLabel="Upgrade" testId="billing-checkout">
                <PlanFields
                  plans={['pro', 'enterprise']}
                  plan="pro"
                  seats={Math.max(PLANS.pro.includedSeats, minSeats)}
                  minSeats={minSeats}
                  idPrefix="checkout"
                />
              </BillingActionForm>
            )}
          </CardContent>
        </Card>
      ) : null}

      <section className="space-y-3">
        <h2 className="text-xl font-medium">Invoices</h2>
        {o.invoicesUnavailable ? <p role="alert">Invoices cannot be loaded right now.</p> : null}
        {o.invoices.length === 0 ? (
          <p className="text-sm text-muted-foreground">No invoices yet.</p>
        ) : (
          <Table data-testid="billing-invoices">
            <TableHeader>
              <TableRow>
                <TableHead>Date</TableHead>
                <TableHead>Number</TableHead>
                <TableHead>Amount</TableHead>
                <TableHead>Status</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {o.invoices.map((invoice) => (
                <TableRow key={invoice.id}>
                  <TableCell>{invoice.date.toISOString().slice(0, 10)}</TableCell>
                  <TableCell>
                    {invoice.url ? (
                      <a href={invoice.url} className="underline" rel="noreferrer" target="_blank">
                        {invoice.number ?? invoice.id}
                      </a>
                    ) : (
                      (invoice.number ?? invoice.id)
                    )}
                  </TableCell>
                  <TableCell>{money(invoice.amountCents, invoice.currency)}</TableCell>
                  <TableCell>{invoice.status}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </main>
  );
}

type Props = { feature: string; planName: string };

/** What a page shows in place of a feature the tenant's plan does not include. */
export function NotInPlan({ feature, planName }: Props) {
  return (
    <p role="alert" data-testid="not-in-plan">
      {feature} {feature.endsWith('s') ? 'are' : 'is'} not part of the {planName} plan. An owner can upgrade on the
      Billing page.
    </p>
  );
}

import 'server-only';
import { env } from '@/lib/env';

/**
 * Which billing provider runs, and the webhook signing secret. Outside production the local
 * provider is the default and a fixed development secret signs its events, so `npm run dev` and
 * the tests bill through the real webhook route with nothing to set up. In production nothing is
 * implied: BILLING_PROVIDER unset means billing is off (the page says so), and `local` is refused
 * at startup unless BILLING_LOCAL_IN_PRODUCTION=on (lib/env/index.ts).
 */
export type ProviderName = 'stripe' | 'local';

const DEV_WEBHOOK_SECRET = 'whsec_tenantry_development_do_not_use_in_production';

export function billingProviderName(): ProviderName | null {
  if (env.BILLING_PROVIDER) return env.BILLING_PROVIDER;
  return env.NODE_ENV === 'production' ? null : 'local';
}

/** The secret webhooks are verified (and local events signed) with; null when none is configured. */
export function webhookSecret(): string | null {
  if (env.STRIPE_WEBHOOK_SECRET) return env.STRIPE_WEBHOOK_SECRET;
  return env.NODE_ENV === 'production' ? null : DEV_WEBHOOK_SECRET;
}

export function graceDays(): number {
  return env.BILLING_GRACE_DAYS;
}

export function trialDays(): number {
  return env.BILLING_TRIAL_DAYS;
}

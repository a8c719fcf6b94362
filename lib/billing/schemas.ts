import { z } from 'zod';

/** The billing forms' input. No server imports: the client forms may import these. */
export const PAID_PLAN_IDS = ['pro', 'enterprise'] as const;

const seats = z.coerce
  .number({ error: 'Enter a number of seats.' })
  .int('Enter a whole number of seats.')
  .min(1, 'Choose at least 1 seat.')
  .max(10_000, 'Contact us for more than 10,000 seats.');

export const checkoutSchema = z.object({
  plan: z.enum(PAID_PLAN_IDS, { error: 'Choose Pro or Enterprise.' }),
  seats,
});

export const changePlanSchema = z.object({
  plan: z.enum(['free', ...PAID_PLAN_IDS], { error: 'Choose a plan.' }),
  seats: seats.optional(),
});

export const localSessionSchema = z.object({ session: z.string().min(1).max(2048) });

export const localPortalSchema = localSessionSchema.extend({
  op: z.enum(['cancel', 'fail-payment', 'pay-invoice'], { error: 'Unknown operation.' }),
});

/** Actions without input (open the portal). */
export const emptySchema = z.object({});

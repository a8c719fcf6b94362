import { z } from 'zod';

/**
 * Input rules of the sign-in forms (the account forms' are in lib/accounts/schemas.ts). `next` is
 * only carried along: `landingPath` makes it safe.
 */
export const passwordSignInSchema = z.object({
  email: z.email('Enter a valid email address').max(254),
  password: z.string().min(1, 'Enter your password').max(200),
  next: z.string().max(2048).optional(),
});

export const magicLinkSchema = z.object({
  email: z.email('Enter a valid email address').max(254),
  next: z.string().max(2048).optional(),
});

export const oauthSchema = z.object({ provider: z.enum(['github', 'google']), next: z.string().max(2048).optional() });

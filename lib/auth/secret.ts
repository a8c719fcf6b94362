/**
 * The Auth.js secret. Edge-safe (the middleware verifies session tokens with it).
 * Development gets a fixed fallback so `npm run dev` works on a fresh clone; production refuses
 * to start without a real one, because a known secret lets anyone forge a session.
 */
import { env } from '@/lib/env';

const DEV_FALLBACK = 'tenantry-development-secret-do-not-use-in-production';

export function getAuthSecret(): string {
  // At least 16 characters, or the read throws (lib/env/schema.ts).
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === 'production') {
    throw new Error(
      'AUTH_SECRET must be set (at least 16 characters) in production. Generate one with `openssl rand -base64 32`.',
    );
  }
  return DEV_FALLBACK;
}

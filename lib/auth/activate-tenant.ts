import 'server-only';
import { cookies, headers } from 'next/headers';
import { getTenancyConfig } from '@/lib/tenants/config';
import { unstable_update } from './auth';

/**
 * Makes `slug` the session's active tenant: the `session.jwtClaim` claim (re-issued by the jwt
 * callback, which re-checks membership itself: lib/auth/tenant-claims.ts) and the `session.key`
 * cookie. Callers check membership first; this is the only place either value is written.
 */
export async function activateSessionTenant(slug: string): Promise<void> {
  await unstable_update({ tenant: slug });
  const secure = ((await headers()).get('x-forwarded-proto') ?? '').startsWith('https');
  (await cookies()).set(getTenancyConfig().session.key, slug, { httpOnly: true, sameSite: 'lax', path: '/', secure });
}

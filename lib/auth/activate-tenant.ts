import 'server-only';
import { cookies } from 'next/headers';
import { getTenancyConfig } from '@/lib/tenants/config';
import { isSecureDeployment } from '@/lib/urls/app-origin';
import { unstable_update } from './auth';

/**
 * Makes `slug` the session's active tenant: the `session.jwtClaim` claim (re-issued by the jwt
 * callback, which re-checks membership itself: lib/auth/tenant-claims.ts) and the `session.key`
 * cookie. Callers check membership first; this is the only place either value is written.
 */
export async function activateSessionTenant(slug: string): Promise<void> {
  await unstable_update({ tenant: slug });
  const secure = isSecureDeployment(); // from configuration: X-Forwarded-Proto is the client's unless a proxy of ours wrote it
  (await cookies()).set(getTenancyConfig().session.key, slug, { httpOnly: true, sameSite: 'lax', path: '/', secure });
}

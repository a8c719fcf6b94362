import { getToken } from 'next-auth/jwt';
import { getAuthSecret } from './secret';

/**
 * Claims of the Auth.js session token, only after Auth.js has verified (decrypted and checked)
 * it. Edge-safe: the middleware calls this, and only when a session resolver is configured,
 * because verifying costs on every request. A missing, expired or forged token gives undefined;
 * nothing here decodes a JWT without verifying it.
 */
export async function readVerifiedClaims(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const secureCookie = new URL(request.url).protocol === 'https:';
    const token = await getToken({ req: request, secret: getAuthSecret(), secureCookie });
    return token ?? undefined;
  } catch {
    return undefined;
  }
}

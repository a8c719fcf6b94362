import 'server-only';
import { encode, getToken, type JWT } from 'next-auth/jwt';
import { env } from '@/lib/env';
import { isSecureDeployment } from '@/lib/urls/app-origin';
import { getAuthSecret } from './secret';

/**
 * The Auth.js session cookie, written by hand for exactly one caller: the handoff exchange
 * (lib/auth/handoff/exchange.ts), which carries a session to a host that shares no cookie with
 * the one it came from. Same name, encryption (salt = cookie name) and lifetime as Auth.js's own,
 * so `auth()` reads it like any other session.
 */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60; // Auth.js's default

export function sessionCookieName(): string {
  // A shared AUTH_COOKIE_DOMAIN always uses the __Secure- name (auth.config.ts).
  return isSecureDeployment() || env.AUTH_COOKIE_DOMAIN ? '__Secure-authjs.session-token' : 'authjs.session-token';
}

export type SessionCookie = {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: 'lax'; path: '/'; secure: boolean; maxAge: number };
};

export async function mintSessionCookie(token: JWT): Promise<SessionCookie> {
  const name = sessionCookieName();
  const value = await encode({ token, secret: getAuthSecret(), salt: name, maxAge: SESSION_MAX_AGE_SECONDS });
  return {
    name,
    value,
    options: {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: name.startsWith('__Secure-'),
      maxAge: SESSION_MAX_AGE_SECONDS,
    },
  };
}

/** The verified session token of a request (its headers), or null. */
export async function readSessionToken(headers: Headers): Promise<JWT | null> {
  try {
    const name = sessionCookieName();
    return await getToken({ req: { headers }, secret: getAuthSecret(), cookieName: name, salt: name });
  } catch {
    return null;
  }
}

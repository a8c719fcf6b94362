import 'server-only';
import type { NextRequest } from 'next/server';
import { clientIp } from '@/lib/actions/client-ip';
import { spendAttempt, throttleMessage } from '@/lib/rate-limit/auth-throttle';

type Handler = (request: NextRequest) => Promise<Response>;

/**
 * The Auth.js route's POST with the magic-link door throttled: `/api/auth/signin/email` sends mail
 * without going through the sign-in form's action, so it spends from the same per-IP and per-email
 * budget (lib/rate-limit/auth-throttle.ts). Passwords posted to `/api/auth/callback/credentials` are
 * throttled in `authorizeCredentials` itself. Test: tests/http/auth-throttle-http.test.ts.
 */
export function withAuthThrottle(post: Handler): Handler {
  return async (request) => {
    if (!new URL(request.url).pathname.endsWith('/signin/email')) return post(request);
    let email: string | null = null;
    try {
      const value = (await request.clone().formData()).get('email');
      email = typeof value === 'string' ? value : null;
    } catch {
      // Not a form: Auth.js refuses it itself; still spend from the IP's budget below.
    }
    const verdict = await spendAttempt('magicLink', { ip: clientIp(request.headers), account: email });
    if (!verdict.ok)
      return Response.json(
        { error: throttleMessage(verdict.retryAfterSeconds) },
        { status: 429, headers: { 'Retry-After': String(verdict.retryAfterSeconds) } },
      );
    return post(request);
  };
}

/**
 * Server-action POSTs that Next itself would answer with a 500, refused with a 4xx first.
 *
 * Next decodes an action's arguments (React's reply format) before any of our code runs, and a body
 * it cannot decode — text that is not JSON, a broken multipart body — or a cross-origin POST (its
 * CSRF check) ends in a 500 with an error digest. Those are bad input, not server faults, so the
 * middleware calls this for requests that carry a `Next-Action` header: 403 for an Origin that is
 * not this host, 400 for a body that does not parse. A body that parses is left to Next and to
 * `tenantAction` (which validates the arguments themselves). Edge-safe; parsing a clone leaves the
 * body intact for the app. If you configure `serverActions.allowedOrigins`, allow them here too.
 * What counts as an undecodable body is lib/actions/action-body.ts.
 * Tests: tests/reliability/bad-input.test.ts, tests/reliability/malformed-input.test.ts.
 */
import { NextResponse } from 'next/server';
import { bodyProblem } from '@/lib/actions/action-body';

function refuse(status: 400 | 403 | 413 | 415, message: string): NextResponse {
  return new NextResponse(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * Next's own rule: the Origin's host must equal the forwarded host, or the Host header — except that
 * X-Forwarded-Host counts only behind a trusted proxy (issue 10, finding 2: a forged one made a
 * forged Origin "same-origin"). The middleware has already refused hosts that are not ours.
 */
export function sameOrigin(request: Request, trustedProxyHops = 0): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return true; // Next lets it through too (old browsers); the session cookie is SameSite=Lax.
  const forwarded = trustedProxyHops > 0 ? request.headers.get('x-forwarded-host') : null;
  const host = forwarded ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function refuseMalformedAction(request: Request, trustedProxyHops = 0): Promise<NextResponse | null> {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return null;
  if (!sameOrigin(request, trustedProxyHops)) return refuse(403, 'Cross-origin server action refused');
  // Route handlers never decode action arguments (an action header there is just a 405).
  if (new URL(request.url).pathname.startsWith('/api/')) return null;
  const problem = await bodyProblem(request);
  return problem ? refuse(problem.status, problem.message) : null;
}

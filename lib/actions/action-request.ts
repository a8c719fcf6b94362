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
 * Test: tests/reliability/bad-input.test.ts.
 */
import { NextResponse } from 'next/server';

function refuse(status: 400 | 403, message: string): NextResponse {
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
function sameOrigin(request: Request, trustedProxyHops: number): boolean {
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
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  try {
    if (type.startsWith('multipart/form-data')) await request.clone().formData();
    else if (type.startsWith('text/plain')) JSON.parse(await request.clone().text());
  } catch {
    return refuse(400, 'Malformed server action request');
  }
  return null;
}

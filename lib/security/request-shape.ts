/**
 * Requests whose shape alone makes them bad input, refused at the middleware before any page,
 * action or Auth.js code runs — each of these used to surface as a 500 deeper down.
 *
 *   - a path that is not valid percent-encoding (`/invite/%ff`, `/%E0%A4%A`) → 400;
 *   - an `X-Forwarded-Proto` other than http/https (`javascript`), or an empty `X-Forwarded-Host`
 *     → 400 (Auth.js builds URLs from them);
 *   - a POST to a page (not `/api/…`) with an empty or foreign `Origin` → 403: a server action or a
 *     no-JS form post from another site, which Next's CSRF check would turn into a 500;
 *   - a POST to a page with a declared body over Next's 1 MB server-action limit → 413.
 * Route handlers under `/api/` keep their own rules (the API's JSON limits, Auth.js callbacks that
 * other sites legitimately POST to). Edge-safe and pure: the caller turns a verdict into a response.
 * Test: tests/reliability/malformed-input.test.ts, tests/reliability/fuzz.test.ts.
 */
import { MAX_ACTION_BODY_BYTES } from '@/lib/actions/action-body';
import { sameOrigin } from '@/lib/actions/action-request';

/** A declared length over the action limit is refused before anything is read (a chunked one: action-body.ts). */
export const MAX_PAGE_POST_BYTES = MAX_ACTION_BODY_BYTES;

export type ShapeVerdict = { status: 400 | 403 | 413; reason: string } | null;

/** The path exactly as sent (`nextUrl.pathname` may already be normalised). */
function rawPath(url: string): string {
  const afterScheme = url.indexOf('//');
  const slash = url.indexOf('/', afterScheme + 2);
  if (slash === -1) return '/';
  const end = url.slice(slash).search(/[?#]/);
  return end === -1 ? url.slice(slash) : url.slice(slash, slash + end);
}

function decodes(value: string): boolean {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

export function checkRequestShape(request: Request, trustedProxyHops = 0): ShapeVerdict {
  const path = rawPath(request.url);
  if (!decodes(path)) return { status: 400, reason: 'malformed percent-encoding in path' };

  // Present but empty: Auth.js and Next build `https://` + '' from it (`TypeError: Invalid URL`).
  const forwardedHost = request.headers.get('x-forwarded-host');
  if (forwardedHost !== null && forwardedHost.trim() === '') return { status: 400, reason: 'empty X-Forwarded-Host' };

  const proto = request.headers.get('x-forwarded-proto');
  if (proto !== null) {
    const first = proto.split(',')[0]?.trim().toLowerCase();
    if (first !== 'http' && first !== 'https') return { status: 400, reason: 'invalid X-Forwarded-Proto' };
  }

  const isPage = !path.startsWith('/api/') && path !== '/api';
  if (request.method === 'POST' && isPage) {
    const origin = request.headers.get('origin');
    if (origin !== null && (origin.trim() === '' || !sameOrigin(request, trustedProxyHops)))
      return { status: 403, reason: 'cross-origin or empty Origin on a page POST' };
    const length = Number(request.headers.get('content-length') ?? '0');
    if (Number.isFinite(length) && length > MAX_PAGE_POST_BYTES)
      return { status: 413, reason: 'body larger than the server-action limit' };
  }
  return null;
}

/**
 * Reads and discards what is left of a refused request's body (at most `capBytes`), so the
 * connection ends cleanly: answering a POST while its body is still unread left Next's request
 * stream to fail with an uncaught `Error: aborted` when the client hung up (found by the fuzz suite).
 */
export async function drainBody(request: Request, capBytes = 2 * MAX_PAGE_POST_BYTES): Promise<void> {
  const reader = request.body?.getReader();
  if (!reader) return;
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
      if (read > capBytes) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // The client is gone already: nothing left to drain.
  }
}

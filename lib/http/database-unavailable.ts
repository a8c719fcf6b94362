import 'server-only';
/**
 * The one place that turns "database unreachable" (`isDatabaseUnavailable`, lib/db/unavailable.ts)
 * into an HTTP answer:
 *
 * - route handlers: `withDatabaseUnavailable(handler)` → JSON 503 with Retry-After;
 * - pages: `redirectIfDatabaseUnavailable(error, path)` → 307 to `/api/unavailable?next=<path>`, a
 *   route handler that serves the 503 page. A page render cannot set a 503 itself: the App Router
 *   only knows 200, 404/403/401 (notFound/forbidden/unauthorized), redirects and 500, because the
 *   status is sent before the streamed body. The 503 page sends the visitor back once the database
 *   answers again (`databaseAnswers`; meta refresh + a check), so an outage heals without a click;
 * - a read that may simply be skipped during an outage: `unlessDatabaseUnavailable(read)` → null.
 *
 * Anything else is rethrown untouched. Test: tests/reliability/postgres-outage.test.ts.
 */
import { redirect } from 'next/navigation';
import { withoutTenant } from '@/lib/db';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { getRequestLogger } from '@/lib/log/logger';

export const UNAVAILABLE_PATH = '/api/unavailable';

/** Seconds a client should wait before retrying. */
export const RETRY_AFTER_SECONDS = 5;

const CHECK_TIMEOUT_MS = 1_000;

/** The route handlers' answer: JSON, no detail about the failure (that goes to the log). */
export function databaseUnavailableResponse(): Response {
  return Response.json(
    { error: 'Service temporarily unavailable, please retry shortly' },
    { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' } },
  );
}

async function logOutage(where: string): Promise<void> {
  (await getRequestLogger()).error({ where }, 'database unreachable, answering 503');
}

export function withDatabaseUnavailable<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      await logOutage('route');
      return databaseUnavailableResponse();
    }
  };
}

/** Rethrows `error` unless the database is unreachable; then redirects to the 503 page. */
export async function redirectIfDatabaseUnavailable(error: unknown, nextPath: string): Promise<never> {
  if (!isDatabaseUnavailable(error)) throw error;
  await logOutage('page');
  redirect(`${UNAVAILABLE_PATH}?next=${encodeURIComponent(nextPath)}`);
}

/** `read()`, or null while the database is unreachable (for optional parts of a page). */
export async function unlessDatabaseUnavailable<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  }
}

/** Does the database answer within a second? The 503 page asks before sending the visitor back. */
export async function databaseAnswers(): Promise<boolean> {
  const probe = withoutTenant((admin) => admin.$queryRaw`SELECT 1`).then(
    () => true,
    () => false,
  );
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), CHECK_TIMEOUT_MS).unref());
  return Promise.race([probe, timeout]);
}

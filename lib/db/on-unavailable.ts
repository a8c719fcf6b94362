import 'server-only';
/**
 * The one place that turns "database unreachable" (lib/db/unavailable.ts) into an answer:
 *
 * - route handlers: `withDatabaseUnavailable(handler)` → JSON 503 with Retry-After;
 * - pages: `redirectIfDatabaseUnavailable(error, path)` → 307 to `/api/unavailable?next=<path>`, a
 *   route handler that serves the 503 page. A page render cannot set a 503 itself: the App Router
 *   only knows 200, 404/403/401 (notFound/forbidden/unauthorized), redirects and 500, because the
 *   status is sent before the streamed body. The 503 page sends the visitor back once the database
 *   answers again (meta refresh + a check), so an outage heals without a click.
 *
 * Anything else is rethrown untouched. Test: tests/reliability/postgres-outage.test.ts.
 */
import { redirect } from 'next/navigation';
import { getRequestLogger } from '@/lib/log/logger';
import { databaseUnavailableResponse, isDatabaseUnavailable } from './unavailable';

export const UNAVAILABLE_PATH = '/api/unavailable';

async function logOutage(where: string): Promise<void> {
  (await getRequestLogger()).error({ where }, 'database unreachable, answering 503');
}

export function withDatabaseUnavailable<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
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

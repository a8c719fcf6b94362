/**
 * "The database is unreachable" as one predicate.
 *
 * Invariant: when PostgreSQL cannot be reached (refused, reset, timed out, restarting, out of
 * connections) a request gets a clean 503 — JSON for route handlers, the HTML page of
 * `app/api/unavailable/route.ts` for pages (the guard redirects there) — never a 500
 * with a stack trace, and it recovers by itself once the database is back (the pools reconnect).
 * Any other error is not ours to hide: it keeps propagating. Test: tests/reliability/postgres-outage.test.ts.
 *
 * Plain and runtime-agnostic (no Next imports); the mapping to responses for route handlers and
 * pages lives in one server module, lib/http/database-unavailable.ts.
 */

/** Prisma's connectivity codes: can't reach, timed out, operation timed out, connection closed, pool timeout. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** The pg driver adapter's error kinds for the same conditions (`meta.driverAdapterError.cause.kind`). */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** Socket errors, and SQLSTATEs: class 08 (connection exception), 57P01–57P03 (shutdown, can't connect now), 53300 (too many connections). */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const SQLSTATE = /^(08\d{3}|57P0[1-3]|53300)$/;
/** node-postgres reports a dropped or never-established connection with plain Errors. */
const PG_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i;

type Loose = {
  code?: unknown;
  errorCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: unknown;
};

function matches(e: Loose): boolean {
  const code = typeof e.code === 'string' ? e.code : typeof e.errorCode === 'string' ? e.errorCode : undefined;
  if (code && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true;
  if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
  return typeof e.message === 'string' && PG_MESSAGES.test(e.message);
}

/** True when `error` (or what it wraps: `cause`, Prisma's `meta.driverAdapterError`) means "database unreachable". */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 16) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const e = current as Loose;
    if (matches(e)) return true;
    queue.push(e.cause);
    if (e.meta && typeof e.meta === 'object')
      queue.push((e.meta as { driverAdapterError?: unknown }).driverAdapterError);
    if (current instanceof AggregateError) queue.push(...current.errors);
  }
  return false;
}

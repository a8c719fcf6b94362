/**
 * X-Forwarded-* and X-Real-IP are facts only when a proxy we run wrote them. With
 * TRUSTED_PROXY_HOPS=0 (the default) the middleware deletes them from every request it forwards,
 * so Next fills them in from the socket itself (its own `??=`), and nothing downstream — Auth.js,
 * the action Origin check, the audit IP — reads a client-chosen value. With N hops they are kept,
 * and the client IP is the N-th X-Forwarded-For entry from the right: the address the outermost
 * trusted proxy saw (entries further left were sent by the client). Edge-safe, pure.
 * Tests: lib/security/forwarded.test.ts, tests/http/hosts.test.ts (issue 10, findings 2 and 7).
 */
export const FORWARDED_HEADERS = [
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-for',
  'x-forwarded-port',
  'x-real-ip',
  'forwarded',
] as const;

/** Deletes the forwarding headers from `headers` (a copy the middleware forwards) unless proxies are trusted. */
export function stripUntrustedForwarded(headers: Headers, trustedHops: number): void {
  if (trustedHops > 0) return;
  for (const name of FORWARDED_HEADERS) headers.delete(name);
}

/** The client IP under the trusted-hop rule; null when there is none or it is implausible. */
export function clientIpFrom(headers: Headers, trustedHops: number): string | null {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  // With 0 hops the list is Next's own single entry (the socket address), so the last one is right too.
  const index = Math.max(entries.length - Math.max(trustedHops, 1), 0);
  const ip = entries[index] ?? (trustedHops > 0 ? headers.get('x-real-ip')?.trim() : undefined) ?? null;
  return ip && ip.length <= 64 ? ip : null;
}

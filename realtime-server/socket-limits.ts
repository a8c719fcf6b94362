/**
 * Per-node caps on open sockets: per user (in a tenant) and per token.
 *
 * Why: one token used to open 200 sockets, each a presence subscription fanning out to every other
 * member. A token is reused only by one tab's reconnects, and a user has a handful of tabs, so the
 * caps are far above honest use. Counted per node (a cluster-wide count would cost a Redis round
 * trip per handshake); N nodes allow at most N × the cap. Proven by tests/realtime/limits.test.ts.
 */
import { createHash } from 'node:crypto';
import type { RealtimeClaims } from '@/lib/realtime/token';

export const DEFAULT_MAX_SOCKETS_PER_USER = 20;
export const DEFAULT_MAX_SOCKETS_PER_TOKEN = 5;

const tokenKey = (token: string) => createHash('sha256').update(token).digest('base64url');
const userKey = (claims: RealtimeClaims) => `${claims.tenantId}:${claims.sub}`;

export class SocketLimits {
  private readonly byUser = new Map<string, number>();
  private readonly byToken = new Map<string, number>();

  constructor(
    private readonly maxPerUser: number,
    private readonly maxPerToken: number,
  ) {}

  /** Whether one more socket for this user and token fits. */
  fits(claims: RealtimeClaims, token: string): boolean {
    return (
      (this.byUser.get(userKey(claims)) ?? 0) < this.maxPerUser &&
      (this.byToken.get(tokenKey(token)) ?? 0) < this.maxPerToken
    );
  }

  /** Counts a socket in; returns its release function, or null when a cap is reached. */
  add(claims: RealtimeClaims, token: string): (() => void) | null {
    if (!this.fits(claims, token)) return null;
    const keys: [Map<string, number>, string][] = [
      [this.byUser, userKey(claims)],
      [this.byToken, tokenKey(token)],
    ];
    for (const [map, key] of keys) map.set(key, (map.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const [map, key] of keys) {
        const n = (map.get(key) ?? 1) - 1;
        if (n <= 0) map.delete(key);
        else map.set(key, n);
      }
    };
  }
}

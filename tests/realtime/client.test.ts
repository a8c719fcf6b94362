import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectPresence, fetchRealtimeToken, type PresenceSnapshot } from '@/components/presence/presence-client';
import { REALTIME_AUDIENCE, REALTIME_ISSUER } from '@/lib/realtime/token';
import type { RealtimeServer } from '@/realtime-server/create-server';
import { mint, ORIGIN, SECRET, startServer, users } from './helpers';

// The browser hook's connection logic (components/presence/presence-client.ts) against a real sidecar.
type User = (typeof users)[keyof typeof users];
const servers: RealtimeServer[] = [];
const clients: { close(): void }[] = [];

function watch(
  port: number,
  user: User,
  extra: { tenant?: string; urlFromToken?: boolean; getToken?: () => Promise<{ token: string }> } = {},
) {
  const snapshots: PresenceSnapshot[] = [];
  const client = connectPresence({
    url: extra.urlFromToken ? undefined : `http://127.0.0.1:${port}`,
    fallbackUrl: () => 'http://127.0.0.1:1',
    key: 'doc-client',
    tenant: extra.tenant ?? user.tenantSlug,
    getToken: async () => {
      if (extra.getToken) return extra.getToken();
      return { token: await mint(user), url: extra.urlFromToken ? `http://127.0.0.1:${port}` : undefined };
    },
    onChange: (s) => snapshots.push(s),
    socketOptions: { extraHeaders: { origin: ORIGIN } },
  });
  clients.push(client);
  const until = (predicate: (s: PresenceSnapshot) => boolean, ms = 10_000) =>
    new Promise<PresenceSnapshot>((resolve, reject) => {
      const started = Date.now();
      const tick = () => {
        const hit = snapshots.find(predicate);
        if (hit) return resolve(hit);
        if (Date.now() - started > ms)
          return reject(new Error(`no matching snapshot; last: ${JSON.stringify(snapshots.at(-1))}`));
        setTimeout(tick, 20);
      };
      tick();
    });
  return { client, snapshots, until, latest: () => snapshots.at(-1) };
}

const names = (s: PresenceSnapshot) => s.users.map((u) => u.name).sort();

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.close();
});

describe('presence client', () => {
  it('joins and follows other members of its tenant live', async () => {
    const server = await startServer();
    servers.push(server);
    const alice = watch(server.port, users.alice);
    await alice.until((s) => s.status === 'connected' && s.count === 1);
    const carol = watch(server.port, users.carol);
    watch(server.port, users.bob);
    await alice.until((s) => s.count === 2);
    expect(names(alice.latest()!)).toEqual(['Alice Anders', 'Carol Chen']);
    await carol.until((s) => s.count === 2);
    const before = alice.snapshots.length;
    carol.client.close();
    await alice.until((s) => alice.snapshots.indexOf(s) >= before && s.count === 1);
    expect(names(alice.latest()!)).toEqual(['Alice Anders']);
  });

  it('reports a refused token for another tenant and never shows that tenant', async () => {
    const server = await startServer();
    servers.push(server);
    const wrong = watch(server.port, users.alice, { tenant: 'globex' });
    const refused = await wrong.until((s) => s.error === 'tenant_mismatch');
    expect(refused.users).toEqual([]);
  });

  it('fetches a new token when the sidecar refuses an expired one, and then connects', async () => {
    const server = await startServer();
    servers.push(server);
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({
      tenantId: users.alice.tenantId,
      tenantSlug: 'acme',
      name: 'Alice Anders',
      image: null,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(users.alice.sub)
      .setIssuer(REALTIME_ISSUER)
      .setAudience(REALTIME_AUDIENCE)
      .setIssuedAt(now - 120)
      .setExpirationTime(now - 60)
      .sign(new TextEncoder().encode(SECRET));
    let calls = 0;
    const alice = watch(server.port, users.alice, {
      getToken: async () => {
        calls += 1;
        return { token: calls === 1 ? expired : await mint(users.alice) };
      },
    });
    await alice.until((s) => s.error === 'token_expired');
    await alice.until((s) => s.status === 'connected' && s.count === 1);
    expect(calls).toBeGreaterThanOrEqual(2);
  });

  it('reconnects and re-joins after its sidecar node is replaced', async () => {
    const first = await startServer();
    const alice = watch(first.port, users.alice);
    await alice.until((s) => s.status === 'connected' && s.count === 1);
    const port = first.port;
    await first.close(); // drains: the server disconnects the socket
    await alice.until((s) => s.status === 'disconnected');
    const second = await startServer({ port });
    servers.push(second);
    const before = alice.snapshots.length;
    await alice.until((s) => alice.snapshots.indexOf(s) >= before && s.status === 'connected');
    const rejoined = await alice.until((s) => alice.snapshots.indexOf(s) >= before && s.count === 1);
    expect(names(rejoined)).toEqual(['Alice Anders']);
  });

  it('connects to the URL the token endpoint returns when none is configured', async () => {
    const server = await startServer();
    servers.push(server);
    const alice = watch(server.port, users.alice, { urlFromToken: true });
    await alice.until((s) => s.status === 'connected' && s.count === 1);
  });

  it('reads the token endpoint response (ISO or epoch expiresAt, optional url)', async () => {
    const bodies = [
      { token: 'a.b.c', expiresAt: '2030-01-01T00:00:00.000Z', url: 'http://rt.example:3001' },
      { token: 'a.b.c', expiresAt: 1_900_000_000_000 },
    ];
    const seen: string[] = [];
    const http = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push(`${req.method} ${req.headers['content-type']} ${body}`);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(bodies.shift() ?? {}));
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/realtime/token`;
    try {
      expect(await fetchRealtimeToken(url)).toEqual({
        token: 'a.b.c',
        expiresAt: Date.parse('2030-01-01T00:00:00.000Z'),
        url: 'http://rt.example:3001',
      });
      expect(await fetchRealtimeToken(url)).toEqual({ token: 'a.b.c', expiresAt: 1_900_000_000_000, url: undefined });
      await expect(fetchRealtimeToken(url)).rejects.toThrow(/token missing/);
      expect(seen[0]).toBe('POST application/json {}');
    } finally {
      http.close();
    }
  });
});

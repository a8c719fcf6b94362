import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REALTIME_AUDIENCE, REALTIME_ISSUER } from '@/lib/realtime/token';
import type { RealtimeServer } from '@/realtime-server/create-server';
import { type ClientSocket, connect, ids, join, mint, SECRET, startServer, users } from './helpers';

let server: RealtimeServer;
const open: ClientSocket[] = [];
const admit = async (...args: Parameters<typeof connect>) => {
  const socket = await connect(...args);
  open.push(socket);
  return socket;
};

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const socket of open) socket.close();
  await server.close();
});

describe('realtime handshake', () => {
  it('admits a member token sent in the auth payload', async () => {
    const socket = await admit(server.port, { token: await mint(users.alice) });
    expect(socket.connected).toBe(true);
  });

  it('refuses a connection without a token', async () => {
    await expect(connect(server.port, {})).rejects.toThrow('missing_token');
  });

  it('refuses a forged token (signed with another secret)', async () => {
    const token = await mint(users.alice, 'x'.repeat(40));
    await expect(connect(server.port, { token })).rejects.toThrow('token_invalid');
  });

  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ tenantId: 'tenant-acme', tenantSlug: 'acme', name: 'Alice', image: null })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user-alice')
      .setIssuer(REALTIME_ISSUER)
      .setAudience(REALTIME_AUDIENCE)
      .setIssuedAt(now - 120)
      .setExpirationTime(now - 60)
      .sign(new TextEncoder().encode(SECRET));
    await expect(connect(server.port, { token })).rejects.toThrow('token_expired');
  });

  it('refuses a token minted for another tenant than the one the client asks for', async () => {
    const token = await mint(users.alice);
    await expect(connect(server.port, { token, tenant: 'globex' })).rejects.toThrow('tenant_mismatch');
    await expect(connect(server.port, { token, tenant: 'tenant-globex' })).rejects.toThrow('tenant_mismatch');
    // The token's own tenant, by slug or id, is fine.
    expect((await admit(server.port, { token, tenant: 'acme' })).connected).toBe(true);
    expect((await admit(server.port, { token, tenant: 'tenant-acme' })).connected).toBe(true);
  });

  it('refuses a token in the query string, even alongside a valid auth token', async () => {
    const token = await mint(users.alice);
    await expect(connect(server.port, { query: { token } })).rejects.toThrow('token_in_query');
    await expect(connect(server.port, { token, query: { token } })).rejects.toThrow('token_in_query');
  });

  it('refuses an Origin outside the allow-list, and a missing Origin', async () => {
    const token = await mint(users.alice);
    await expect(connect(server.port, { token, origin: 'https://evil.example' })).rejects.toThrow('origin_not_allowed');
    await expect(connect(server.port, { token, origin: 'http://localhost:3000.evil.example' })).rejects.toThrow(
      'origin_not_allowed',
    );
    await expect(connect(server.port, { token, origin: 'null' })).rejects.toThrow('origin_not_allowed');
    await expect(connect(server.port, { token, origin: null })).rejects.toThrow('origin_not_allowed');
    expect((await admit(server.port, { token, origin: 'http://acme.localhost:3000' })).connected).toBe(true);
  });
});

describe('presence key validation', () => {
  it('refuses keys that try to name a tenant or a room', async () => {
    const socket = await admit(server.port, { token: await mint(users.alice) });
    for (const key of [
      't:tenant-globex:doc-1',
      'doc:1',
      'tenant-globex:doc-1',
      '',
      'x'.repeat(65),
      '../doc',
      42,
      null,
    ]) {
      expect(await join(socket, key)).toEqual({ ok: false, error: 'invalid_payload' });
    }
  });

  it('refuses a join payload that names a tenant', async () => {
    const socket = await admit(server.port, { token: await mint(users.alice) });
    const ack = await new Promise((resolve) =>
      socket.emit('presence:join', { key: 'doc-1', tenant: 'tenant-globex' } as never, resolve),
    );
    expect(ack).toEqual({ ok: false, error: 'invalid_payload' });
  });

  it('refuses oversized or nested meta, and takes name and image from the token', async () => {
    const socket = await admit(server.port, { token: await mint(users.alice) });
    expect(await join(socket, 'meta-doc', { big: 'x'.repeat(300) })).toEqual({ ok: false, error: 'invalid_payload' });
    expect(await join(socket, 'meta-doc', { nested: { a: 1 } })).toEqual({ ok: false, error: 'invalid_payload' });
    const ack = await join(socket, 'meta-doc', { name: 'Mallory', image: 'https://evil.example/x.png', cursor: 4 });
    expect(ack.ok && ack.users).toEqual([
      expect.objectContaining({ id: 'user-alice', name: 'Alice Anders', image: null, meta: { cursor: 4 } }),
    ]);
  });

  it('bounds how many keys one socket may join', async () => {
    const socket = await admit(server.port, { token: await mint(users.carol) });
    for (let i = 0; i < 16; i += 1) expect((await join(socket, `many-${i}`)).ok).toBe(true);
    expect(await join(socket, 'many-16')).toEqual({ ok: false, error: 'too_many_keys' });
    const ack = await join(socket, 'many-3');
    expect(ack.ok && ids(ack.users)).toEqual(['user-carol']);
  });
});

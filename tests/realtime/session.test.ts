import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RefreshAck } from '@/lib/realtime/protocol';
import { signRealtimeToken } from '@/lib/realtime/token';
import type { RealtimeServer } from '@/realtime-server/create-server';
import { describeWithRedis } from '@/tests/setup/test-redis';
import {
  type ClientSocket,
  connect,
  deleteKeys,
  join,
  mint,
  REDIS_URL,
  run,
  SECRET,
  sleep,
  startServer,
  users,
  waitForDiff,
} from './helpers';

/**
 * Issue 10, finding 4: a socket lives only as long as its token (unless refreshed through a
 * membership re-check), and a membership change cuts the member's sockets on every node at once.
 * On the code before this, a removed member's socket kept receiving joins indefinitely.
 */
const short = (user: (typeof users)[keyof typeof users], seconds: number) =>
  signRealtimeToken(user, { secret: SECRET, expiresInSeconds: seconds });

function disconnected(socket: ClientSocket, ms: number): Promise<string | null> {
  if (!socket.connected) return Promise.resolve('already');
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

const refresh = (socket: ClientSocket, token: string) =>
  new Promise<RefreshAck>((resolve) => socket.emit('auth:refresh', { token }, resolve));

const sockets: ClientSocket[] = [];
const track = (socket: ClientSocket) => {
  sockets.push(socket);
  return socket;
};
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});

describe('realtime sockets end with their token', () => {
  let server: RealtimeServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());

  it('disconnects a socket when its token expires', async () => {
    const socket = track(await connect(server.port, { token: await short(users.carol, 2) }));
    expect((await join(socket, 'doc-expiry')).ok).toBe(true);
    expect(await disconnected(socket, 10_000)).toBe('io server disconnect');
  });

  it('keeps a socket whose client presented a fresh token in time', async () => {
    const socket = track(await connect(server.port, { token: await short(users.carol, 2) }));
    const ack = await refresh(socket, await short(users.carol, 60));
    expect(ack.ok).toBe(true);
    // Well past the first token's expiry: still connected, still served.
    expect(await disconnected(socket, 4_000)).toBeNull();
    expect((await join(socket, 'doc-refreshed')).ok).toBe(true);
  });

  it("refuses a refresh with another user's or tenant's token, and an expired or forged one", async () => {
    const socket = track(await connect(server.port, { token: await short(users.carol, 3) }));
    expect(await refresh(socket, await mint(users.alice))).toEqual({ ok: false, error: 'token_mismatch' });
    expect(await refresh(socket, await mint({ ...users.carol, tenantId: 'tenant-globex' }))).toEqual({
      ok: false,
      error: 'token_mismatch',
    });
    expect(await refresh(socket, await mint(users.carol, 'another-secret-0123456789abcdef012345'))).toEqual({
      ok: false,
      error: 'token_invalid',
    });
    expect(await refresh(socket, 'x'.repeat(5000))).toEqual({ ok: false, error: 'invalid_payload' });
    // None of them extended the socket's life.
    expect(await disconnected(socket, 10_000)).toBe('io server disconnect');
  });
});

describeWithRedis('membership changes reach every sidecar node', () => {
  const prefix = `test-rt-members-${run}`;
  let a: RealtimeServer;
  let b: RealtimeServer;
  let publish: typeof import('@/lib/members/publish-change').publishMembershipChange;
  const saved = {
    PRESENCE_REDIS_URL: process.env.PRESENCE_REDIS_URL,
    REALTIME_KEY_PREFIX: process.env.REALTIME_KEY_PREFIX,
  };

  beforeAll(async () => {
    // The app's publisher reads the sidecar's Redis and channel from the same variables the sidecar does.
    process.env.PRESENCE_REDIS_URL = REDIS_URL;
    process.env.REALTIME_KEY_PREFIX = prefix;
    // tenancy.config.ts reads the environment when it loads: load the publisher afresh, after the
    // variables above (without REDIS_URL in the environment it would otherwise see no Redis at all).
    vi.resetModules();
    ({ publishMembershipChange: publish } = await import('@/lib/members/publish-change'));
    const options = { redisUrl: REDIS_URL, presenceBackend: 'redis' as const, keyPrefix: prefix };
    a = await startServer(options);
    b = await startServer(options);
  });
  afterAll(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await Promise.all([a?.close(), b?.close()]);
    await deleteKeys(prefix);
  });

  it("cuts a removed member's sockets on every node within seconds, and nobody else's", async () => {
    const alice = track(await connect(a.port, { token: await mint(users.alice) }));
    const carolOnA = track(await connect(a.port, { token: await mint(users.carol) }));
    const carolOnB = track(await connect(b.port, { token: await mint(users.carol) }));
    const bob = track(await connect(b.port, { token: await mint(users.bob) }));
    expect((await join(alice, 'doc-removal')).ok).toBe(true);
    expect((await join(carolOnB, 'doc-removal')).ok).toBe(true);
    // The subscription is in place once a message published now reaches both nodes: retry the
    // publish until the sockets go, bounded, never asserting how long it took.
    const cut = Promise.all([disconnected(carolOnA, 15_000), disconnected(carolOnB, 15_000)]);
    const left = waitForDiff(alice, (d) => d.leaves.some((u) => u.id === users.carol.sub), 15_000);
    let done = false;
    void cut.then(() => {
      done = true;
    });
    for (let i = 0; i < 30 && !done; i++) {
      await publish({ tenantId: users.carol.tenantId, userId: users.carol.sub, change: 'removed' });
      await sleep(300);
    }
    expect(await cut).toEqual(['io server disconnect', 'io server disconnect']);
    await left;
    expect(alice.connected).toBe(true);
    expect(bob.connected).toBe(true);
  });
});

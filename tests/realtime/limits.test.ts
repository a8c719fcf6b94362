import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_ERRORS, type JoinAck, type LeaveAck } from '@/lib/realtime/protocol';
import type { RealtimeServer } from '@/realtime-server/create-server';
import { DEFAULT_MAX_SOCKETS_PER_TOKEN } from '@/realtime-server/socket-limits';
import { type ClientSocket, connect, join, mint, recordDiffs, sleep, startServer, users } from './helpers';

/**
 * Issue 10, finding 4 (caps): one token opened 200 sockets, and 4,000 join/leave events from one
 * socket reached another member as 4,000 updates. Each case fails on the code before the caps.
 */
const sockets: ClientSocket[] = [];
const track = (socket: ClientSocket) => {
  sockets.push(socket);
  return socket;
};
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});

describe('realtime socket caps', () => {
  let server: RealtimeServer;
  let small: RealtimeServer;
  beforeAll(async () => {
    server = await startServer();
    small = await startServer({ maxSocketsPerUser: 3, maxSocketsPerToken: 2 });
  });
  afterAll(async () => {
    await Promise.all([server?.close(), small?.close()]);
  });

  it('refuses more sockets per token than the cap (default)', async () => {
    const token = await mint(users.alice);
    for (let i = 0; i < DEFAULT_MAX_SOCKETS_PER_TOKEN; i++) track(await connect(server.port, { token }));
    await expect(connect(server.port, { token })).rejects.toThrow(AUTH_ERRORS.tooManySockets);
    // Closing one frees its place.
    sockets.pop()?.close();
    await sleep(200);
    track(await connect(server.port, { token }));
  });

  it('refuses more sockets per user than the cap, whatever the tokens', async () => {
    for (let i = 0; i < 3; i++)
      track(await connect(small.port, { token: await mint({ ...users.carol, name: `C${i}` }) }));
    await expect(connect(small.port, { token: await mint(users.carol) })).rejects.toThrow(AUTH_ERRORS.tooManySockets);
    // Another user of the same tenant is not affected.
    track(await connect(small.port, { token: await mint(users.alice) }));
  });

  it('refuses a burst of concurrent handshakes beyond the cap', async () => {
    const token = await mint(users.bob);
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => connect(small.port, { token })));
    for (const r of results) if (r.status === 'fulfilled') track(r.value);
    await sleep(300);
    const open = results.filter((r) => r.status === 'fulfilled' && r.value.connected).length;
    expect(open).toBeLessThanOrEqual(2);
    expect(open).toBeGreaterThan(0);
  });

  it('drops a flood of join/leave events and another member sees a bounded number of updates', async () => {
    const observer = track(await connect(server.port, { token: await mint(users.alice) }));
    expect((await join(observer, 'doc-flood')).ok).toBe(true);
    const diffs = recordDiffs(observer);
    const flooder = track(await connect(server.port, { token: await mint(users.carol) }));
    const cutOff = new Promise<null>((resolve) => flooder.once('disconnect', () => resolve(null)));
    const acks: Promise<JoinAck | LeaveAck>[] = [];
    for (let i = 0; i < 1000; i++) {
      acks.push(new Promise((resolve) => flooder.emit('presence:join', { key: 'doc-flood' }, resolve)));
      acks.push(new Promise((resolve) => flooder.emit('presence:leave', { key: 'doc-flood' }, resolve)));
    }
    const settled = await Promise.race([Promise.all(acks), cutOff]);
    await sleep(500);
    expect(diffs.length).toBeLessThan(100);
    if (settled) expect(settled.filter((a) => !a.ok && a.error === 'rate_limited').length).toBeGreaterThan(1000);
    else expect(flooder.connected).toBe(false); // cut for flooding: its remaining acks never came
  });
});

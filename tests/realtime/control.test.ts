import { afterAll, expect, it } from 'vitest';
import { parseControlMessage, publishTenantDisconnect } from '@/lib/realtime/control';
import { closeRedisConnection, createRedisConnection } from '@/lib/redis/connection';
import type { RealtimeServer } from '@/realtime-server/create-server';
import { describeWithRedis } from '@/tests/setup/test-redis';
import { type ClientSocket, connect, mint, REDIS_URL, run, sleep, startServer, users } from './helpers';

// A suspended tenant's open sockets are cut: the app publishes on the control channel, every node
// disconnects its sockets whose verified token names that tenant — and no other tenant's.
const servers: RealtimeServer[] = [];
const sockets: ClientSocket[] = [];
afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all(servers.map((s) => s.close()));
});

it('ignores anything on the channel that is not a well-formed control message', () => {
  expect(parseControlMessage('{"type":"tenant.disconnect","tenantId":"t1"}')).toEqual({
    type: 'tenant.disconnect',
    tenantId: 't1',
  });
  expect(parseControlMessage('{"type":"tenant.disconnect"}')).toBeNull();
  expect(parseControlMessage('{"type":"everything"}')).toBeNull();
  expect(parseControlMessage('not json')).toBeNull();
});

describeWithRedis('the control channel', () => {
  it('cuts the named tenant’s sockets on every node and leaves the other tenant’s open', async () => {
    const prefix = `test-rt-control-${run}`;
    const a = await startServer({ redisUrl: REDIS_URL, keyPrefix: prefix });
    const b = await startServer({ redisUrl: REDIS_URL, keyPrefix: prefix });
    servers.push(a, b);
    const alice = await connect(a.port, { token: await mint(users.alice) });
    const carol = await connect(b.port, { token: await mint(users.carol) });
    const bob = await connect(a.port, { token: await mint(users.bob) });
    sockets.push(alice, carol, bob);
    const cut = (s: ClientSocket) =>
      new Promise<string>((resolve) => s.once('disconnect', (reason) => resolve(reason)));
    const [aliceCut, carolCut] = [cut(alice), cut(carol)];

    const redis = createRedisConnection(REDIS_URL);
    try {
      await publishTenantDisconnect(redis, prefix, users.alice.tenantId);
    } finally {
      await closeRedisConnection(redis);
    }
    expect(await aliceCut).toBe('io server disconnect');
    expect(await carolCut).toBe('io server disconnect');
    await sleep(200);
    expect(bob.connected).toBe(true);
  });
});

import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RealtimeServer } from '@/realtime-server/create-server';
import {
  type ClientSocket,
  connect,
  deleteKeys,
  ids,
  join,
  leave,
  mint,
  REDIS_URL,
  recordDiffs,
  run,
  sleep,
  startServer,
  users,
  waitForDiff,
} from './helpers';

const backends: [string, string | null][] = [
  ['memory', null],
  ['redis', REDIS_URL],
];

afterAll(async () => {
  await deleteKeys(`test-rt-${run}`);
});

describe.each(backends)('presence over the sidecar (%s backend)', (_name, redisUrl) => {
  let server: RealtimeServer;
  const open: ClientSocket[] = [];
  const as = async (user: (typeof users)[keyof typeof users]) => {
    const socket = await connect(server.port, { token: await mint(user) });
    open.push(socket);
    return socket;
  };
  let room = 0;
  const nextRoom = () => {
    room += 1;
    return `doc-${_name}-${room}`;
  };

  afterEach(async () => {
    for (const socket of open.splice(0)) socket.close();
    await server?.close();
  });

  it('shows users of one tenant to each other, and never the other tenant (lists, diffs, counts)', async () => {
    server = await startServer({ redisUrl });
    const key = nextRoom();
    const alice = await as(users.alice);
    const carol = await as(users.carol);
    const bob = await as(users.bob);
    const aliceDiffs = recordDiffs(alice);
    const carolDiffs = recordDiffs(carol);
    const bobDiffs = recordDiffs(bob);

    const aliceAck = await join(alice, key);
    expect(aliceAck.ok && ids(aliceAck.users)).toEqual(['user-alice']);
    const seenCarol = waitForDiff(alice, (d) => d.joins.some((u) => u.id === 'user-carol'));
    const carolAck = await join(carol, key);
    expect(carolAck.ok && ids(carolAck.users)).toEqual(['user-alice', 'user-carol']);
    expect((await seenCarol).joins[0]).toMatchObject({ id: 'user-carol', name: 'Carol Chen' });

    // bob is in globex: same presence key, different tenant.
    const bobAck = await join(bob, key);
    expect(bobAck.ok && ids(bobAck.users)).toEqual(['user-bob']);
    const seenLeave = waitForDiff(alice, (d) => d.leaves.some((u) => u.id === 'user-carol'));
    await leave(carol, key);
    await seenLeave;
    const aliceAgain = await join(alice, key);
    expect(aliceAgain.ok && aliceAgain.users.length).toBe(1);
    await leave(bob, key);
    await sleep(100); // let any (wrong) cross-tenant diff arrive before we look

    const everything = JSON.stringify([aliceDiffs, carolDiffs]);
    expect(everything).not.toContain('user-bob');
    expect(everything).not.toContain('Bob');
    expect(JSON.stringify(bobDiffs)).not.toMatch(/alice|carol/i);
  });

  it('sends the full list as presence:state when the join has no ack', async () => {
    server = await startServer({ redisUrl });
    const key = nextRoom();
    const carol = await as(users.carol);
    await join(carol, key);
    const alice = await as(users.alice);
    const state = new Promise<unknown>((resolve) => alice.once('presence:state', resolve));
    alice.emit('presence:join', { key });
    expect(await state).toMatchObject({ key, users: [{ id: 'user-carol' }, { id: 'user-alice' }] });
  });

  it('announces a leave when a socket disconnects', async () => {
    server = await startServer({ redisUrl });
    const key = nextRoom();
    const alice = await as(users.alice);
    const carol = await as(users.carol);
    await join(alice, key);
    await join(carol, key);
    const gone = waitForDiff(alice, (d) => d.leaves.some((u) => u.id === 'user-carol'));
    carol.close();
    await gone;
    const ack = await join(alice, key);
    expect(ack.ok && ids(ack.users)).toEqual(['user-alice']);
  });

  it('keeps a user present while another tab of theirs is still open', async () => {
    server = await startServer({ redisUrl });
    const key = nextRoom();
    const watcher = await as(users.carol);
    const tab1 = await as(users.alice);
    const tab2 = await as(users.alice);
    await join(watcher, key);
    await join(tab1, key);
    await join(tab2, key);
    const diffs = recordDiffs(watcher);
    tab1.close();
    await sleep(200);
    expect(diffs.flatMap((d) => d.leaves)).toEqual([]);
    const ack = await join(watcher, key);
    expect(ack.ok && ids(ack.users)).toEqual(['user-alice', 'user-carol']);
  });

  it('records the leaves of connected users when it shuts down', async () => {
    server = await startServer({ redisUrl });
    const key = nextRoom();
    const alice = await as(users.alice);
    await join(alice, key);
    const backend = (await import('@/lib/presence/manager')).TenantPresenceManager;
    await server.close();
    const check = new backend({ backend: redisUrl ? 'redis' : 'memory', redisUrl, keyPrefix: `test-rt-${run}` });
    expect(await check.get('tenant-acme').count(key)).toBe(0);
    await check.close();
  });
});

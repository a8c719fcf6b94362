import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { TenantPresenceManager } from '@/lib/presence/manager';
import {
  type ChildNode,
  type ClientSocket,
  connect,
  deleteKeys,
  ids,
  join,
  mint,
  REDIS_URL,
  run,
  sleep,
  startChild,
  users,
  waitForDiff,
} from './helpers';

// Two sidecar processes sharing Redis (adapter + presence), as in a multi-node deployment.
const prefix = `test-rt-cluster-${run}`;
const TIMEOUT_MS = 2_000;
const baseEnv = {
  REDIS_URL,
  PRESENCE_BACKEND: 'redis',
  PRESENCE_REDIS_URL: REDIS_URL,
  REALTIME_KEY_PREFIX: prefix,
  REALTIME_PRESENCE_TIMEOUT_MS: String(TIMEOUT_MS),
  REALTIME_HEARTBEAT_MS: '400',
  LOG_LEVEL: 'info',
};

const nodes: ChildNode[] = [];
const sockets: ClientSocket[] = [];
const startNode = async (env: Record<string, string> = {}) => {
  const node = await startChild({ ...baseEnv, ...env });
  nodes.push(node);
  return node;
};
const as = async (node: ChildNode, user: (typeof users)[keyof typeof users]) => {
  const socket = await connect(node.port, { token: await mint(user) });
  sockets.push(socket);
  return socket;
};

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const node of nodes.splice(0)) {
    if (node.child.exitCode === null && node.child.signalCode === null) node.child.kill('SIGKILL');
    await node.exited;
  }
});
afterAll(async () => {
  await deleteKeys(prefix);
});

describe('two sidecar nodes with the Redis adapter', () => {
  it('shows a user on node 1 to a user on node 2, and keeps other tenants out', async () => {
    const [n1, n2] = await Promise.all([startNode(), startNode()]);
    const alice = await as(n1, users.alice);
    const carol = await as(n2, users.carol);
    const bob = await as(n2, users.bob);
    await join(alice, 'doc-cluster');
    const seen = waitForDiff(alice, (d) => d.joins.some((u) => u.id === 'user-carol'));
    const ack = await join(carol, 'doc-cluster');
    expect(ack.ok && ids(ack.users)).toEqual(['user-alice', 'user-carol']);
    await seen;
    const bobAck = await join(bob, 'doc-cluster');
    expect(bobAck.ok && ids(bobAck.users)).toEqual(['user-bob']);
  });

  it("removes a killed node's users within the presence timeout", async () => {
    const [n1, n2] = await Promise.all([startNode(), startNode()]);
    const alice = await as(n1, users.alice);
    const carol = await as(n2, users.carol);
    await join(alice, 'doc-kill');
    await join(carol, 'doc-kill');
    const gone = waitForDiff(alice, (d) => d.leaves.some((u) => u.id === 'user-carol'), 3 * TIMEOUT_MS);
    n2.child.kill('SIGKILL'); // no drain, no disconnect handler: only the sweep can notice
    await gone;
    const ack = await join(alice, 'doc-kill');
    expect(ack.ok && ids(ack.users)).toEqual(['user-alice']);
  });

  it('drains on SIGTERM: records the leaves at once and exits 0', async () => {
    // A long timeout, so only the drain (not a sweep) can explain a prompt leave.
    const [n1, n2] = await Promise.all([
      startNode({ REALTIME_PRESENCE_TIMEOUT_MS: '60000' }),
      startNode({ REALTIME_PRESENCE_TIMEOUT_MS: '60000' }),
    ]);
    const alice = await as(n1, users.alice);
    const carol = await as(n2, users.carol);
    await join(alice, 'doc-term');
    await join(carol, 'doc-term');
    const gone = waitForDiff(alice, (d) => d.leaves.some((u) => u.id === 'user-carol'), 10_000);
    n2.child.kill('SIGTERM');
    await gone;
    expect(await n2.exited).toBe(0);
    const manager = new TenantPresenceManager({ backend: 'redis', redisUrl: REDIS_URL, keyPrefix: prefix });
    expect(await manager.get('tenant-acme').count('doc-term')).toBe(1);
    await manager.close();
    await sleep(0);
  });
});

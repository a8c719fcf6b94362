/**
 * Presence benchmark: `npm run bench:presence`.
 *
 * For 200, 500 and 1000 sockets in one room over loopback, on one sidecar node (memory backend) and
 * on two nodes (Redis adapter + Redis presence, sockets split evenly), it prints:
 * - join→visible latency p50/p99: from a socket's `presence:join` emit until the first member
 *   (the observer, on node 1) receives the diff announcing it, and until EVERY member has it
 *   ("all", which includes this process decoding the whole fan-out); joins run one after another
 *   (BENCH_JOIN_CONCURRENCY to overlap them);
 * - fan-out messages/s: diffs delivered to all sockets per second while one member leaves and
 *   re-joins 20 times in a row.
 * The sidecars run as their own processes; the clients share this process. No assertions.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, PresenceDiffMessage, ServerToClientEvents } from '../lib/realtime/protocol';
import { signRealtimeToken } from '../lib/realtime/token';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const SECRET = 'bench-realtime-secret-0123456789abcdef';
const ORIGIN = 'http://localhost:3000';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `bench-presence-${process.pid}`;
const SIZES = (process.env.BENCH_SIZES ?? '200,500,1000').split(',').map(Number);
const JOIN_CONCURRENCY = Number(process.env.BENCH_JOIN_CONCURRENCY ?? 1);
// The sidecar allows one socket a burst of 20 events (realtime-server/event-rate.ts); the toggler has
// spent one on its join, so 9 leave/join pairs fit. More would be dropped, and the fan-out phase would
// wait out its 60 s timeout and report the rate limiter instead of the fan-out.
const TOGGLES = 9;

interface Node {
  port: number;
  child: ChildProcess;
}

function startNode(redis: boolean): Promise<Node> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    REALTIME_PORT: '0',
    REALTIME_HOST: '127.0.0.1',
    REALTIME_SECRET: SECRET,
    REALTIME_ALLOWED_ORIGINS: ORIGIN,
    REALTIME_KEY_PREFIX: PREFIX,
    LOG_LEVEL: 'info',
  };
  if (redis) Object.assign(env, { REDIS_URL, PRESENCE_BACKEND: 'redis', PRESENCE_REDIS_URL: REDIS_URL });
  else {
    delete env.REDIS_URL;
    delete env.PRESENCE_REDIS_URL;
    env.PRESENCE_BACKEND = 'memory';
    env.STATE_BACKEND = 'memory';
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'realtime-server/server.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('realtime sidecar listening')) resolve({ port: JSON.parse(line).port, child });
    });
    child.once('exit', (code) => reject(new Error(`sidecar exited with ${code}`)));
  });
}

async function connectAll(ports: number[], count: number): Promise<ClientSocket[]> {
  const sockets: ClientSocket[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const token = await signRealtimeToken(
        { sub: `u-${i}`, tenantId: 'tenant-bench', name: `User ${i}` },
        { secret: SECRET, expiresInSeconds: 600 },
      );
      const socket: ClientSocket = io(`http://127.0.0.1:${ports[i % ports.length]}`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        auth: { token },
        extraHeaders: { origin: ORIGIN },
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      sockets[i] = socket;
    }
  };
  await Promise.all(Array.from({ length: 50 }, worker));
  return sockets;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function runCase(ports: number[], count: number, key: string) {
  const sockets = await connectAll(ports, count);
  const observer = sockets[0]!;
  const emitted = new Map<string, number>();
  const seenBy = new Map<string, number>();
  const expectedReceivers = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  const latencies: number[] = [];
  const allLatencies: number[] = [];
  let delivered = 0;
  for (const socket of sockets) {
    socket.on('presence:diff', (diff: PresenceDiffMessage) => {
      delivered++;
      for (const user of diff.joins) {
        const t0 = emitted.get(user.id);
        if (t0 === undefined) continue;
        if (socket === observer) latencies.push(performance.now() - t0);
        const n = (seenBy.get(user.id) ?? 0) + 1;
        seenBy.set(user.id, n);
        if (n === expectedReceivers.get(user.id)) {
          allLatencies.push(performance.now() - t0);
          emitted.delete(user.id);
          waiters.get(user.id)?.();
        }
      }
    });
  }
  await new Promise((resolve) => observer.emit('presence:join', { key }, resolve));

  // Join phase: a join counts as done when every earlier member saw it.
  let next = 1;
  let members = 1;
  const joiner = async () => {
    while (next < count) {
      const i = next++;
      const id = `u-${i}`;
      const seen = new Promise<void>((resolve) => waiters.set(id, resolve));
      expectedReceivers.set(id, members);
      emitted.set(id, performance.now());
      sockets[i]!.emit('presence:join', { key });
      await seen;
      members++;
      waiters.delete(id);
    }
  };
  await Promise.all(Array.from({ length: JOIN_CONCURRENCY }, joiner));

  // Fan-out phase: one member leaves and re-joins TOGGLES times; every other member gets each diff.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const toggler = sockets[count - 1]!;
  const expected = 2 * TOGGLES * (count - 1);
  delivered = 0;
  const started = performance.now();
  const done = new Promise<void>((resolve) => {
    const poll = () => (delivered >= expected ? resolve() : setTimeout(poll, 1));
    poll();
  });
  for (let t = 0; t < TOGGLES; t++) {
    toggler.emit('presence:leave', { key });
    toggler.emit('presence:join', { key });
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, 60_000)))]);
  clearTimeout(timer);
  const elapsed = (performance.now() - started) / 1000;

  for (const socket of sockets) socket.close();
  latencies.sort((a, b) => a - b);
  allLatencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    allP50: percentile(allLatencies, 50),
    allP99: percentile(allLatencies, 99),
    fanout: Math.min(delivered, expected) / elapsed,
  };
}

async function main() {
  const rows: string[] = [];
  const results: {
    nodes: number;
    sockets: number;
    p50: number;
    p99: number;
    allP50: number;
    allP99: number;
    fanout: number;
  }[] = [];
  for (const nodesCount of [1, 2]) {
    const nodes = await Promise.all(Array.from({ length: nodesCount }, () => startNode(nodesCount > 1)));
    const ports = nodes.map((n) => n.port);
    for (const size of SIZES) {
      const r = await runCase(ports, size, `bench-${nodesCount}-${size}`);
      const ms = (v: number) => `${v.toFixed(1).padStart(7)} ms`;
      const row = `${nodesCount === 1 ? '1 node (memory) ' : '2 nodes (redis) '} ${String(size).padStart(5)}  ${ms(r.p50)} ${ms(r.p99)}   ${ms(r.allP50)} ${ms(r.allP99)}  ${Math.round(r.fanout).toString().padStart(9)} msg/s`;
      console.log(row);
      rows.push(row);
      results.push({ nodes: nodesCount, sockets: size, ...r });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    for (const node of nodes) node.child.kill('SIGTERM');
    await Promise.all(
      nodes.map(
        (n) => new Promise((resolve) => (n.child.exitCode !== null ? resolve(null) : n.child.once('exit', resolve))),
      ),
    );
  }
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${PREFIX}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  console.log(`\njoin→visible: first member p50/p99, every member p50/p99; joins ${JOIN_CONCURRENCY} at a time`);
  console.log('setup           sockets       p50        p99         all p50    all p99      fan-out');
  for (const row of rows) console.log(row);
  // `--json`: the results as one JSON line, last (bench/all.ts reads it).
  if (process.argv.includes('--json')) console.log(JSON.stringify({ results }));
}

// Exit explicitly: a socket or Redis handle left by a library must not keep a finished bench alive
// (bench/all.ts waits for the exit).
main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

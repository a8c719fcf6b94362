import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { io as connectClient, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, JoinAck, PresenceDiffMessage, ServerToClientEvents } from '@/lib/realtime/protocol';
import { type RealtimeTokenInput, signRealtimeToken } from '@/lib/realtime/token';
import { createRealtimeServer, type RealtimeServer, type RealtimeServerOptions } from '@/realtime-server/create-server';
import { createLogger } from '@/realtime-server/logger';

export const SECRET = 'test-realtime-secret-0123456789abcdef';
export const ORIGIN = 'http://localhost:3000';
export const REDIS_URL = 'redis://127.0.0.1:6379';
export const run = `${process.pid}-${Date.now().toString(36)}`;

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const users = {
  alice: { sub: 'user-alice', tenantId: 'tenant-acme', tenantSlug: 'acme', name: 'Alice Anders', image: null },
  carol: { sub: 'user-carol', tenantId: 'tenant-acme', tenantSlug: 'acme', name: 'Carol Chen', image: null },
  bob: { sub: 'user-bob', tenantId: 'tenant-globex', tenantSlug: 'globex', name: 'Bob Brown', image: null },
} satisfies Record<string, RealtimeTokenInput>;

export const mint = (user: RealtimeTokenInput, secret = SECRET) => signRealtimeToken(user, { secret });

export function startServer(overrides: Partial<RealtimeServerOptions> = {}): Promise<RealtimeServer> {
  return createRealtimeServer({
    port: 0,
    host: '127.0.0.1',
    secret: SECRET,
    allowedOrigins: ['http://localhost:3000', 'http://*.localhost:3000'],
    presenceTimeoutMs: 2_000,
    heartbeatMs: 500,
    keyPrefix: `test-rt-${run}`,
    logger: createLogger('silent'),
    ...overrides,
  });
}

export interface ChildNode {
  port: number;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** Starts `realtime-server/server.ts` as its own process (as in production) and waits until it listens. */
export function startChild(env: Record<string, string>): Promise<ChildNode> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'realtime-server/server.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      REALTIME_PORT: '0',
      REALTIME_HOST: '127.0.0.1',
      REALTIME_SECRET: SECRET,
      REALTIME_ALLOWED_ORIGINS: ORIGIN,
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('sidecar did not start')), 30_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.includes('realtime sidecar listening')) return;
      clearTimeout(timer);
      resolve({ port: JSON.parse(line).port as number, child, exited });
    });
    child.once('exit', (code) => reject(new Error(`sidecar exited early with ${code}`)));
  });
}

export interface ConnectOptions {
  token?: string;
  tenant?: string;
  origin?: string | null;
  query?: Record<string, string>;
}

/** Connects and resolves when admitted; rejects with the server's refusal code. */
export function connect(port: number, options: ConnectOptions = {}): Promise<ClientSocket> {
  const auth: Record<string, string> = {};
  if (options.token !== undefined) auth.token = options.token;
  if (options.tenant !== undefined) auth.tenant = options.tenant;
  const origin = options.origin === undefined ? ORIGIN : options.origin;
  const socket: ClientSocket = connectClient(`http://127.0.0.1:${port}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth,
    query: options.query,
    extraHeaders: origin === null ? {} : { origin },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

export function join(socket: ClientSocket, key: unknown, meta?: unknown): Promise<JoinAck> {
  return new Promise((resolve) => socket.emit('presence:join', { key, meta } as never, resolve));
}

export function leave(socket: ClientSocket, key: unknown): Promise<unknown> {
  return new Promise((resolve) => socket.emit('presence:leave', { key } as never, resolve));
}

/** Records every diff a socket receives. */
export function recordDiffs(socket: ClientSocket): PresenceDiffMessage[] {
  const diffs: PresenceDiffMessage[] = [];
  socket.on('presence:diff', (diff) => diffs.push(diff));
  return diffs;
}

/** Resolves with the first diff matching `predicate`; rejects after `ms`. */
export function waitForDiff(
  socket: ClientSocket,
  predicate: (diff: PresenceDiffMessage) => boolean,
  ms = 10_000,
): Promise<PresenceDiffMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('presence:diff', handler);
      reject(new Error('diff not received'));
    }, ms);
    const handler = (diff: PresenceDiffMessage) => {
      if (!predicate(diff)) return;
      clearTimeout(timer);
      socket.off('presence:diff', handler);
      resolve(diff);
    };
    socket.on('presence:diff', handler);
  });
}

export const ids = (list: { id: string }[]) => list.map((u) => u.id).sort();
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function deleteKeys(prefix: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}

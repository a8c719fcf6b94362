import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { TenantPresenceManager } from '@/lib/presence/manager';
import { closeRedisConnection, createRedisConnection } from '@/lib/redis/connection';
import { createAuthMiddleware } from './auth';
import { createLogger, type Logger } from './logger';
import { compileOrigins } from './origins';
import { customOriginTenant } from '@/lib/domains/edge-lookup';
import { DEFAULT_EVENT_RATE, type EventRateOptions } from './event-rate';
import { listenForMembershipChanges } from './membership-listener';
import { PresenceHub } from './presence-hub';
import { controlChannel, parseControlMessage } from '@/lib/realtime/control';
import type { SocketData } from './auth';
import { DEFAULT_MAX_SOCKETS_PER_TOKEN, DEFAULT_MAX_SOCKETS_PER_USER, SocketLimits } from './socket-limits';
import { attachSession } from './socket-session';

export interface RealtimeServerOptions {
  port: number;
  host?: string;
  secret: string;
  allowedOrigins: readonly string[];
  /**
   * Where the app answers the signed custom-domain lookup (lib/domains/edge-lookup.ts). With it, an
   * Origin outside `allowedOrigins` is admitted while its host is a verified custom domain, cached
   * like the middleware's (CUSTOM_DOMAIN_CACHE_SECONDS), so a removed domain is refused within it.
   */
  customDomainLookupOrigin?: string | null;
  /** With a URL: socket.io Redis adapter (many nodes) and presence in Redis. */
  redisUrl?: string | null;
  /** Override the presence backend (default: redis when redisUrl is set, else memory). */
  presenceBackend?: 'memory' | 'redis';
  presenceTimeoutMs: number;
  heartbeatMs: number;
  /** Stale sweep interval; default half the timeout. */
  sweepMs?: number;
  /** Redis key prefix for presence (tests isolate themselves with one). */
  keyPrefix?: string;
  /**
   * Redis pub/sub channel prefix of the socket.io adapter; default: keyPrefix. Separate from the key
   * prefix (issue 10, finding 7): keys and channels are different namespaces, which a shared Redis
   * may need to place (or ACL) independently.
   */
  channelPrefix?: string;
  logger?: Logger;
  /** Open sockets per user (in a tenant) and per token on this node (./socket-limits.ts). */
  maxSocketsPerUser?: number;
  maxSocketsPerToken?: number;
  /** Per-socket budget for client events (./event-rate.ts). */
  eventRate?: EventRateOptions;
}

export interface RealtimeServer {
  io: Server;
  port: number;
  hub: PresenceHub;
  /** Drains (records every local leave), then closes sockets, the HTTP server and Redis connections. */
  close(): Promise<void>;
}

export async function createRealtimeServer(options: RealtimeServerOptions): Promise<RealtimeServer> {
  const logger = options.logger ?? createLogger();
  if (options.heartbeatMs >= options.presenceTimeoutMs)
    throw new Error('heartbeatMs must be shorter than presenceTimeoutMs');
  const listed = compileOrigins(options.allowedOrigins);
  const lookup = options.customDomainLookupOrigin;
  const isOriginAllowed = async (origin: string | undefined): Promise<boolean> => {
    if (listed(origin)) return true;
    if (!lookup || !origin) return false;
    return (await customOriginTenant(origin, lookup)) !== null;
  };
  const backend = options.presenceBackend ?? (options.redisUrl ? 'redis' : 'memory');
  const manager = new TenantPresenceManager({
    backend,
    redisUrl: options.redisUrl,
    timeoutMs: options.presenceTimeoutMs,
    keyPrefix: options.keyPrefix,
  });

  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', backend, sockets: io.engine.clientsCount }));
      return;
    }
    res.writeHead(404).end();
  });

  const io = new Server(http, {
    // WebSocket only: no long-polling, so no sticky sessions are needed behind a load balancer.
    transports: ['websocket'],
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
    pingInterval: 10_000,
    pingTimeout: 5_000,
  });

  let pub: Redis | undefined;
  let sub: Redis | undefined;
  let membershipSub: Redis | undefined;
  let control: Redis | undefined;
  if (options.redisUrl) {
    pub = createRedisConnection(options.redisUrl);
    sub = createRedisConnection(options.redisUrl);
    const channelPrefix = options.channelPrefix ?? options.keyPrefix ?? 'tenantry';
    io.adapter(createAdapter(pub, sub, { key: `${channelPrefix}:socket.io` }));
    membershipSub = createRedisConnection(options.redisUrl);
    await listenForMembershipChanges(io, membershipSub, channelPrefix, logger);
    // The app's control channel (lib/realtime/control.ts): cut a suspended tenant's sockets on this node.
    control = createRedisConnection(options.redisUrl);
    const channel = controlChannel(channelPrefix);
    control.on('message', (from: string, raw: string) => {
      const message = from === channel ? parseControlMessage(raw) : null;
      if (!message) return;
      let cut = 0;
      for (const socket of io.of('/').sockets.values()) {
        if ((socket.data as Partial<SocketData>).user?.tenantId !== message.tenantId) continue;
        socket.disconnect(true);
        cut += 1;
      }
      logger.info({ tenantId: message.tenantId, sockets: cut }, 'tenant sockets cut');
    });
    await control.subscribe(channel);
  }

  const hub = new PresenceHub(io, manager, logger);
  const limits = new SocketLimits(
    options.maxSocketsPerUser ?? DEFAULT_MAX_SOCKETS_PER_USER,
    options.maxSocketsPerToken ?? DEFAULT_MAX_SOCKETS_PER_TOKEN,
  );
  const eventRate = options.eventRate ?? DEFAULT_EVENT_RATE;
  io.use(createAuthMiddleware({ secret: options.secret, isOriginAllowed, logger, limits }));
  io.on('connection', (socket) => {
    // Caps, token expiry and refresh, and the event budget first; presence only for an admitted socket.
    if (attachSession(socket, { secret: options.secret, limits, eventRate, logger })) hub.attach(socket);
  });

  const loop = (ms: number, name: string, fn: () => Promise<void>) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return; // never stack runs when Redis is slow
      running = true;
      fn()
        .catch((err) => logger.error({ err }, `${name} failed`))
        .finally(() => {
          running = false;
        });
    }, ms);
    timer.unref();
    return timer;
  };
  const timers = [
    loop(options.heartbeatMs, 'presence heartbeat', () => hub.heartbeat()),
    loop(options.sweepMs ?? Math.max(250, Math.floor(options.presenceTimeoutMs / 2)), 'presence sweep', () =>
      hub.sweep(),
    ),
  ];

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  logger.info({ port, backend, adapter: pub ? 'redis' : 'memory' }, 'realtime sidecar listening');

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      for (const timer of timers) clearInterval(timer);
      await hub.drain().catch((err) => logger.error({ err }, 'drain failed'));
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await manager.close();
      await Promise.all([
        closeRedisConnection(pub),
        closeRedisConnection(sub),
        closeRedisConnection(membershipSub),
        closeRedisConnection(control),
      ]);
      logger.info('realtime sidecar closed');
    })();
    return closing;
  };

  return { io, port, hub, close };
}

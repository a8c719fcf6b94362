import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type {
  ClientToServerEvents,
  JoinAck,
  PresenceClientMeta,
  PresenceUser,
  ServerToClientEvents,
} from '@/lib/realtime/protocol';
import { applyPresenceDiff, tokenExpiry } from './presence-state';

export type PresenceStatus = 'connecting' | 'connected' | 'disconnected' | 'error';

export interface PresenceSnapshot {
  users: PresenceUser[];
  count: number;
  status: PresenceStatus;
  error: string | null;
}

export interface IssuedToken {
  token: string;
  /** Epoch ms; read from the JWT when absent. */
  expiresAt?: number;
  /** Where the sidecar is, when the token endpoint says so (REALTIME_PUBLIC_URL). */
  url?: string;
}

export interface PresenceClientOptions {
  /** Sidecar URL. Default: the token response's `url`, else `fallbackUrl()`. */
  url?: string;
  fallbackUrl?: () => string;
  key: string;
  meta?: PresenceClientMeta;
  /** The tenant (id or slug) the page belongs to; the sidecar refuses a token for another one. */
  tenant?: string;
  getToken: () => Promise<IssuedToken>;
  onChange: (snapshot: PresenceSnapshot) => void;
  /** Extra socket.io options (tests pass `extraHeaders`). */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const REFRESH_BEFORE_EXPIRY_MS = 15_000;

/** `POST /api/realtime/token` with the page's cookies; the server resolves the tenant from the page's host/path. */
export async function fetchRealtimeToken(tokenUrl = '/api/realtime/token'): Promise<IssuedToken> {
  const res = await fetch(tokenUrl, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (!res.ok) throw new Error(`realtime token refused (${res.status})`);
  const body = (await res.json()) as { token?: unknown; expiresAt?: unknown; url?: unknown };
  if (typeof body.token !== 'string') throw new Error('realtime token missing');
  const expiresAt =
    typeof body.expiresAt === 'number'
      ? body.expiresAt
      : typeof body.expiresAt === 'string'
        ? Date.parse(body.expiresAt)
        : Number.NaN;
  return {
    token: body.token,
    expiresAt: Number.isFinite(expiresAt) ? expiresAt : undefined,
    url: typeof body.url === 'string' && body.url ? body.url : undefined,
  };
}

/**
 * One live presence subscription. The token travels in the socket.io `auth` payload (never the
 * URL); `auth` is a function, so every (re)connect presents a current token. A fresh token is
 * fetched ahead of expiry, and a handshake the server refused (e.g. expired after a laptop slept)
 * or a server-side disconnect (a node draining on deploy) is retried with a new token, with backoff.
 */
export function connectPresence(options: PresenceClientOptions): { close(): void } {
  const { key, meta = {}, tenant, onChange } = options;
  let snapshot: PresenceSnapshot = { users: [], count: 0, status: 'connecting', error: null };
  let cached: { token: string; expiresAt: number; url?: string } | null = null;
  let socket: ClientSocket | undefined;
  let closed = false;
  let retries = 0;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const update = (patch: Partial<PresenceSnapshot>) => {
    snapshot = { ...snapshot, ...patch };
    if (patch.users) snapshot.count = patch.users.length;
    if (!closed) onChange(snapshot);
  };

  const refresh = async (): Promise<string> => {
    const issued = await options.getToken();
    const expiresAt = issued.expiresAt ?? (tokenExpiry(issued.token) ?? Date.now() / 1000 + 60) * 1000;
    cached = { token: issued.token, expiresAt, url: issued.url };
    // The open socket is cut when its token expires: hand it the new one (membership was re-checked to mint it).
    if (socket?.connected) socket.emit('auth:refresh', { token: issued.token });
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(
      () => {
        if (!closed) refresh().catch(() => {});
      },
      Math.max(5_000, expiresAt - REFRESH_BEFORE_EXPIRY_MS - Date.now()),
    );
    return issued.token;
  };
  const currentToken = () =>
    cached && cached.expiresAt - Date.now() > REFRESH_BEFORE_EXPIRY_MS / 3 ? Promise.resolve(cached.token) : refresh();

  const open = (url: string) => {
    const s: ClientSocket = io(url, {
      transports: ['websocket'],
      reconnectionDelayMax: 10_000,
      ...options.socketOptions,
      auth: (cb) => {
        currentToken().then(
          (token) => cb(tenant ? { token, tenant } : { token }),
          (err: Error) => {
            update({ status: 'error', error: err.message });
            cb({});
          },
        );
      },
    });
    // socket.io stops reconnecting after a refusal by the server's auth middleware and after a
    // server-side disconnect: retry ourselves, with a fresh token.
    const retry = () => {
      if (closed || s.active) return;
      cached = null;
      retries += 1;
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => s.connect(), Math.min(30_000, 250 * 2 ** Math.min(retries, 7)));
    };
    s.on('connect', () => {
      retries = 0;
      update({ status: 'connected', error: null });
      s.emit('presence:join', { key, meta }, (ack: JoinAck) => {
        if (ack.ok) update({ users: ack.users });
        else update({ status: 'error', error: ack.error });
      });
    });
    s.on('presence:state', (message) => {
      if (message.key === key) update({ users: message.users });
    });
    s.on('presence:diff', (diff) => {
      if (diff.key === key) update({ users: applyPresenceDiff(snapshot.users, diff) });
    });
    s.on('disconnect', (reason) => {
      update({ status: 'disconnected' });
      if (reason === 'io server disconnect') retry();
    });
    s.on('connect_error', (err) => {
      update({ status: 'error', error: err.message });
      retry();
    });
    return s;
  };

  const start = async () => {
    let url = options.url;
    if (!url) {
      // The token endpoint may say where the sidecar is; ask it first (the token is reused by the handshake).
      await currentToken().catch((err: Error) => update({ status: 'error', error: err.message }));
      url = cached?.url ?? options.fallbackUrl?.();
    }
    if (!url) return update({ status: 'error', error: 'no realtime URL' });
    if (!closed) socket = open(url);
  };
  void start();

  return {
    close() {
      closed = true;
      clearTimeout(refreshTimer);
      clearTimeout(retryTimer);
      if (socket?.connected) socket.emit('presence:leave', { key });
      socket?.close();
    },
  };
}

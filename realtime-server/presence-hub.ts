/**
 * Presence for the sockets of one sidecar node.
 *
 * Invariant: every room and backend is derived from the socket's VERIFIED token (tenant) plus a
 * validated presence key — `t:<tenantId>:<key>` — so a socket can only ever read or announce into
 * its own tenant. Proven by tests/realtime/isolation.test.ts.
 *
 * Liveness: the node heartbeats every local (key, user) pair on a timer (one loop per node, no
 * client pings: socket.io's own ping/pong already detects dead connections and fires `disconnect`).
 * A sweep loop removes entries whose heartbeats stopped — e.g. every user of a node that died — and
 * announces them as leaves through the adapter, so users on a dead node disappear within the timeout.
 */
import type { Server, Socket } from 'socket.io';
import type { TenantPresenceManager } from '@/lib/presence/manager';
import type { PresenceRecord } from '@/lib/presence/types';
import {
  type JoinAck,
  joinPayloadSchema,
  type LeaveAck,
  leavePayloadSchema,
  MAX_KEYS_PER_SOCKET,
  PRESENCE_EVENTS,
  type PresenceClientMeta,
  type PresenceStateMessage,
  type PresenceUser,
} from '@/lib/realtime/protocol';
import type { SocketData } from './auth';
import type { Logger } from './logger';

interface LocalRoom {
  tenantId: string;
  key: string;
  /** userId → this node's sockets of that user, and the meta they joined with. */
  users: Map<string, { sockets: Set<string>; meta: Record<string, unknown> }>;
}

interface SocketPresence {
  keys: Set<string>;
  /** Every presence operation of a socket runs in order on this chain (join, leave, disconnect). */
  chain: Promise<unknown>;
}

export const roomName = (tenantId: string, key: string) => `t:${tenantId}:${key}`;

export function toUser(record: PresenceRecord): PresenceUser {
  const { name, image, ...meta } = record.meta;
  return {
    id: record.id,
    name: typeof name === 'string' ? name : '',
    image: typeof image === 'string' ? image : null,
    joinedAt: record.joinedAt,
    meta: meta as PresenceClientMeta,
  };
}

export class PresenceHub {
  private readonly rooms = new Map<string, LocalRoom>();
  private readonly sockets = new WeakMap<Socket, SocketPresence>();

  constructor(
    private readonly io: Server,
    private readonly manager: TenantPresenceManager,
    private readonly logger: Logger,
  ) {}

  /** Wires a freshly authenticated socket. Synchronous on purpose: see the disconnect comment. */
  attach(socket: Socket): void {
    const state: SocketPresence = { keys: new Set(), chain: Promise.resolve() };
    this.sockets.set(socket, state);
    const enqueue = <T>(op: () => Promise<T>): Promise<T> => {
      const result = state.chain.then(op);
      state.chain = result.catch(() => {});
      return result;
    };

    // Registered first and before any await: a disconnect that races a pending join still runs
    // after it (same chain), so no presence entry outlives its socket.
    socket.on('disconnect', () => {
      void enqueue(() => this.leaveAll(socket, state)).catch((err) =>
        this.logger.error({ err }, 'presence cleanup failed'),
      );
    });

    socket.on(PRESENCE_EVENTS.join, (payload: unknown, ack?: unknown) => {
      const hasAck = typeof ack === 'function';
      const reply = hasAck ? (ack as (r: JoinAck) => void) : () => {};
      const parsed = joinPayloadSchema.safeParse(payload);
      if (!parsed.success) {
        this.logger.warn({ socket: socket.id, issue: parsed.error.issues[0]?.message }, 'presence:join refused');
        return reply({ ok: false, error: 'invalid_payload' });
      }
      const { key, meta = {} } = parsed.data;
      enqueue(() => this.join(socket, state, key, meta)).then(
        (message) => {
          if (typeof message === 'string') return reply({ ok: false, error: message });
          // The full list goes once: in the ack when the client asked for one, else as presence:state.
          if (hasAck) reply({ ok: true, ...message });
          else socket.emit(PRESENCE_EVENTS.state, message);
        },
        (err) => {
          this.logger.error({ err }, 'presence:join failed');
          reply({ ok: false, error: 'unavailable' });
        },
      );
    });

    socket.on(PRESENCE_EVENTS.leave, (payload: unknown, ack?: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (r: LeaveAck) => void) : () => {};
      const parsed = leavePayloadSchema.safeParse(payload);
      if (!parsed.success) return reply({ ok: false, error: 'invalid_payload' });
      enqueue(() => this.leave(socket, state, parsed.data.key)).then(
        () => reply({ ok: true }),
        (err) => {
          this.logger.error({ err }, 'presence:leave failed');
          reply({ ok: false, error: 'unavailable' });
        },
      );
    });
  }

  private async join(
    socket: Socket,
    state: SocketPresence,
    key: string,
    clientMeta: PresenceClientMeta,
  ): Promise<PresenceStateMessage | 'disconnected' | 'too_many_keys'> {
    if (!socket.connected) return 'disconnected';
    if (!state.keys.has(key) && state.keys.size >= MAX_KEYS_PER_SOCKET) return 'too_many_keys';
    const { user } = socket.data as SocketData;
    const backend = this.manager.get(user.tenantId);
    const room = roomName(user.tenantId, key);
    // name and image come from the token: a client cannot present itself as someone else.
    const meta = { ...clientMeta, name: user.name, image: user.image };

    state.keys.add(key);
    const local = this.localRoom(user.tenantId, key);
    const entry = local.users.get(user.sub) ?? { sockets: new Set<string>(), meta };
    entry.sockets.add(socket.id);
    entry.meta = meta;
    local.users.set(user.sub, entry);

    let record: PresenceRecord;
    try {
      record = await backend.join(key, user.sub, meta);
    } catch (error) {
      // Undo the local bookkeeping so heartbeats don't resurrect a join that never happened.
      entry.sockets.delete(socket.id);
      if (entry.sockets.size === 0) local.users.delete(user.sub);
      if (local.users.size === 0) this.rooms.delete(room);
      state.keys.delete(key);
      throw error;
    }
    await socket.join(room);
    const users = (await backend.list(key)).map(toUser);
    socket.to(room).emit(PRESENCE_EVENTS.diff, { key, joins: [toUser(record)], leaves: [] });
    return { key, users };
  }

  private async leave(socket: Socket, state: SocketPresence, key: string): Promise<void> {
    if (!state.keys.delete(key)) return;
    const { user } = socket.data as SocketData;
    const room = roomName(user.tenantId, key);
    await socket.leave(room);
    const local = this.rooms.get(room);
    const entry = local?.users.get(user.sub);
    entry?.sockets.delete(socket.id);
    // The same user in another tab on this node stays present.
    if (entry && entry.sockets.size > 0) return;
    local?.users.delete(user.sub);
    if (local && local.users.size === 0) this.rooms.delete(room);
    const record = await this.manager.get(user.tenantId).leave(key, user.sub);
    if (record) this.io.to(room).emit(PRESENCE_EVENTS.diff, { key, joins: [], leaves: [toUser(record)] });
  }

  private async leaveAll(socket: Socket, state: SocketPresence): Promise<void> {
    for (const key of [...state.keys]) await this.leave(socket, state, key);
  }

  private localRoom(tenantId: string, key: string): LocalRoom {
    const name = roomName(tenantId, key);
    let room = this.rooms.get(name);
    if (!room) {
      room = { tenantId, key, users: new Map() };
      this.rooms.set(name, room);
    }
    return room;
  }

  /** Refreshes every local (key, user); re-joins (and announces) a user a sweep removed meanwhile. */
  async heartbeat(): Promise<void> {
    for (const [name, room] of this.rooms) {
      const backend = this.manager.get(room.tenantId);
      await Promise.all(
        [...room.users].map(async ([userId, entry]) => {
          if (await backend.heartbeat(room.key, userId)) return;
          if (!room.users.has(userId)) return; // left while we were waiting
          const record = await backend.join(room.key, userId, entry.meta);
          this.io.to(name).emit(PRESENCE_EVENTS.diff, { key: room.key, joins: [toUser(record)], leaves: [] });
        }),
      );
    }
  }

  /** Removes stale entries of the rooms this node serves and announces them cluster-wide. */
  async sweep(): Promise<void> {
    for (const [name, room] of this.rooms) {
      const removed = await this.manager.get(room.tenantId).sweep(room.key);
      if (removed.length > 0)
        this.io.to(name).emit(PRESENCE_EVENTS.diff, { key: room.key, joins: [], leaves: removed.map(toUser) });
    }
  }

  /** Records the leave of every local socket (graceful shutdown). */
  async drain(): Promise<void> {
    const sockets = await this.io.local.fetchSockets();
    await Promise.all(
      sockets.map(async (remote) => {
        const socket = this.io.sockets.sockets.get(remote.id);
        const state = socket && this.sockets.get(socket);
        if (!socket || !state) return;
        const done = state.chain.then(() => this.leaveAll(socket, state));
        state.chain = done.catch(() => {});
        await done;
      }),
    );
  }
}

/**
 * The wire protocol between the browser and the realtime sidecar: event names, payload schemas
 * and the types both sides share. Safe to import from client code (no Node APIs).
 *
 * Invariant: the client names only a presence key, which must match PRESENCE_KEY_PATTERN (no `:`,
 * bounded length); it never names a tenant or a room. Proven by tests/realtime/auth.test.ts.
 */
import { z } from 'zod';

export const PRESENCE_EVENTS = {
  join: 'presence:join',
  leave: 'presence:leave',
  state: 'presence:state',
  diff: 'presence:diff',
} as const;

/** The client presents a fresh token on the open socket before the old one expires (docs/realtime.md). */
export const AUTH_EVENTS = { refresh: 'auth:refresh' } as const;

export const PRESENCE_KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_META_BYTES = 1024;
export const MAX_KEYS_PER_SOCKET = 16;

export const presenceKeySchema = z.string().regex(PRESENCE_KEY_PATTERN, 'presence key must match [A-Za-z0-9_-]{1,64}');

export function isValidPresenceKey(key: unknown): key is string {
  return typeof key === 'string' && PRESENCE_KEY_PATTERN.test(key);
}

/** Returns the key, or throws when it could name anything but one presence key. */
export function validatePresenceKey(key: unknown): string {
  if (!isValidPresenceKey(key)) throw new Error('invalid presence key');
  return key;
}

/** Client meta: a small flat object of scalars. `name`/`image` always come from the token instead. */
export const presenceMetaSchema = z
  .record(
    z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
    z.union([z.string().max(256), z.number().finite(), z.boolean(), z.null()]),
  )
  .refine((meta) => Object.keys(meta).length <= 16, 'at most 16 meta fields')
  .refine(
    (meta) => new TextEncoder().encode(JSON.stringify(meta)).length <= MAX_META_BYTES,
    `meta larger than ${MAX_META_BYTES} bytes`,
  );

export const joinPayloadSchema = z.strictObject({ key: presenceKeySchema, meta: presenceMetaSchema.optional() });
export const leavePayloadSchema = z.strictObject({ key: presenceKeySchema });
export const handshakeAuthSchema = z.object({
  token: z.string().min(1).max(4096),
  tenant: z.string().min(1).max(128).optional(),
});

export const refreshPayloadSchema = z.strictObject({ token: z.string().min(1).max(4096) });
export type RefreshAck = { ok: true; expiresAt: number } | { ok: false; error: string };

export type PresenceClientMeta = z.infer<typeof presenceMetaSchema>;
export type JoinPayload = z.infer<typeof joinPayloadSchema>;
export type LeavePayload = z.infer<typeof leavePayloadSchema>;

/** A user as the browser sees them (no tenant id: it is always the viewer's own tenant). */
export interface PresenceUser {
  id: string;
  name: string;
  image: string | null;
  joinedAt: number;
  meta: PresenceClientMeta;
}

export interface PresenceStateMessage {
  key: string;
  users: PresenceUser[];
}

export interface PresenceDiffMessage {
  key: string;
  joins: PresenceUser[];
  leaves: PresenceUser[];
}

export type JoinAck = ({ ok: true } & PresenceStateMessage) | { ok: false; error: string };
export type LeaveAck = { ok: true } | { ok: false; error: string };

export interface ServerToClientEvents {
  'presence:state': (message: PresenceStateMessage) => void;
  'presence:diff': (message: PresenceDiffMessage) => void;
}

export interface ClientToServerEvents {
  'presence:join': (payload: JoinPayload, ack?: (result: JoinAck) => void) => void;
  'presence:leave': (payload: LeavePayload, ack?: (result: LeaveAck) => void) => void;
  'auth:refresh': (payload: { token: string }, ack?: (result: RefreshAck) => void) => void;
}

/** Errors the sidecar sends back in `connect_error` (`err.message`). */
export const AUTH_ERRORS = {
  missingToken: 'missing_token',
  tokenInQuery: 'token_in_query',
  expired: 'token_expired',
  invalid: 'token_invalid',
  tenantMismatch: 'tenant_mismatch',
  origin: 'origin_not_allowed',
  tooManySockets: 'too_many_sockets',
} as const;

/** Refusals in an event's ack (besides `invalid_payload`). */
export const EVENT_ERRORS = { rateLimited: 'rate_limited' } as const;

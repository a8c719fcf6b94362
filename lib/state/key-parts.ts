/**
 * Redis key parts for tenant-scoped storage.
 *
 * Invariant: no caller-supplied string can change which tenant's namespace a key lands in.
 * Tenant ids are validated (they come from our database: cuid or slug-like), and every other
 * part (presence key, state namespace, state key) is percent-encoded so that it never contains
 * `:` nor a glob character. A key like `room:1` therefore becomes `room%3A1` and stays one
 * segment. Proven by lib/presence/presence-contract.test.ts ("cannot reach another tenant")
 * and lib/state/state-store.test.ts.
 */

const TENANT_ID = /^[A-Za-z0-9_-]{1,128}$/;
const MAX_PART_LENGTH = 256;

export class InvalidKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidKeyError';
  }
}

/** Throws unless `tenantId` is a plain identifier (no `:`, `*`, spaces, …). */
export function assertTenantId(tenantId: unknown): asserts tenantId is string {
  if (typeof tenantId !== 'string' || !TENANT_ID.test(tenantId)) {
    throw new InvalidKeyError(`invalid tenant id: ${JSON.stringify(tenantId)}`);
  }
}

/**
 * Encodes one key segment. Everything outside `[A-Za-z0-9_.-]` becomes `%XX` (UTF-8 bytes), so the
 * encoding is injective and the result contains no `:`, `*`, `?`, `[`, `]` or `\`.
 */
export function encodeKeyPart(part: unknown, what = 'key'): string {
  if (typeof part !== 'string' || part.length === 0 || part.length > MAX_PART_LENGTH) {
    throw new InvalidKeyError(`invalid ${what}: must be a string of 1..${MAX_PART_LENGTH} characters`);
  }
  let out = '';
  for (const byte of new TextEncoder().encode(part)) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9_.-]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Inverse of `encodeKeyPart`. */
export function decodeKeyPart(encoded: string): string {
  return decodeURIComponent(encoded);
}

/** Validates a Redis key prefix chosen by the operator (e.g. `tenantry`, `test-1234`). */
export function assertKeyPrefix(prefix: string): void {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(prefix)) throw new InvalidKeyError(`invalid key prefix: ${prefix}`);
}

/** `<prefix>:tenant:<tenantId>` — the root of everything one tenant owns in Redis. */
export function tenantRoot(prefix: string, tenantId: string): string {
  assertKeyPrefix(prefix);
  assertTenantId(tenantId);
  return `${prefix}:tenant:${tenantId}`;
}

export const DEFAULT_KEY_PREFIX = 'tenantry';

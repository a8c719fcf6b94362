import { encodeKeyPart, InvalidKeyError, tenantRoot } from './key-parts';
import { DEFAULT_NAMESPACE } from './types';

/** `<prefix>:tenant:<tenantId>:<namespace>:` — everything of one namespace starts with this. */
export function namespaceRoot(prefix: string, tenantId: string, namespace = DEFAULT_NAMESPACE): string {
  const ns = encodeKeyPart(namespace, 'namespace');
  // presence owns `…:presence:*` and `…:presence-keys` under the same tenant root.
  if (ns.startsWith('presence')) throw new InvalidKeyError(`namespace "${namespace}" is reserved`);
  return `${tenantRoot(prefix, tenantId)}:${ns}:`;
}

export function stateKey(prefix: string, tenantId: string, key: string, namespace?: string): string {
  return namespaceRoot(prefix, tenantId, namespace) + encodeKeyPart(key, 'state key');
}

export function serialise(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('state values must be JSON-serialisable (got undefined or a function)');
  return json;
}

export function ttlMs(ttlSeconds: number | undefined): number | undefined {
  if (ttlSeconds === undefined) return undefined;
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) throw new RangeError('ttlSeconds must be a positive number');
  return Math.max(1, Math.round(ttlSeconds * 1000));
}

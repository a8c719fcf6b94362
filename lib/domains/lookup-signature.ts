import { getAuthSecret } from '@/lib/auth/secret';

/**
 * The internal custom-host lookup's credential: HMAC-SHA-256 of the host name under a key derived
 * from AUTH_SECRET (so the route answers only this deployment's middleware, and a signature for one
 * host says nothing about another). Web Crypto only: the middleware signs on the edge, the route
 * verifies on Node. Tests: tests/domains/domains-http.test.ts (unsigned and wrongly signed lookups).
 */
export const LOOKUP_SIGNATURE_HEADER = 'x-tenantry-domain-lookup';

const encoder = new TextEncoder();
let cachedKey: { secret: string; key: Promise<CryptoKey> } | null = null;

function lookupKey(): Promise<CryptoKey> {
  const secret = getAuthSecret();
  if (cachedKey?.secret !== secret) {
    const key = crypto.subtle
      .importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
      .then((root) => crypto.subtle.sign('HMAC', root, encoder.encode('tenantry custom-domain lookup v1')))
      .then((derived) => crypto.subtle.importKey('raw', derived, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']));
    cachedKey = { secret, key };
  }
  return cachedKey.key;
}

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function signLookup(hostname: string): Promise<string> {
  return hex(await crypto.subtle.sign('HMAC', await lookupKey(), encoder.encode(hostname)));
}

/** Constant-time comparison of the presented signature with the expected one. */
export async function verifyLookupSignature(hostname: string, presented: string | null): Promise<boolean> {
  if (!presented) return false;
  const expected = await signLookup(hostname);
  if (presented.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ presented.charCodeAt(i);
  return diff === 0;
}

/**
 * Audit data must never hold credentials: every field whose NAME looks secret (password, token, key,
 * hash, secret, cookie, authorization) is replaced, at any depth. Pure. Tests: tests/auth/audit-redact.test.ts.
 */
const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key|^key$|hash|authorization|cookie/i;
const MAX_DEPTH = 6;

/** A JSON-safe copy of `value` with secret-looking fields replaced by "[redacted]". */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (depth >= MAX_DEPTH) return '[truncated]';
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) ? '[redacted]' : redactSecrets(v, depth + 1);
    }
    return out;
  }
  return String(value);
}

/**
 * `?next=` values we will redirect to after sign-in: a same-origin path only. `//evil.com`,
 * `/\evil.com`, `https://…` and anything with control characters fall back, so the login page
 * cannot be used as an open redirect. Tests: tests/auth/safe-next.test.ts.
 */
export function safeNextPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  return value;
}

/**
 * Host headers that cannot name a URL authority are refused (400) at the middleware.
 *
 * Why: Auth.js builds its own URL from `X-Forwarded-Host ?? Host` when AUTH_URL is unset, and
 * `new URL()` throws on, e.g., raw non-ASCII bytes (`ａｃｍｅ.localhost` sent as UTF-8), so every
 * page that reads the session answered 500. A Host that parses but names no tenant is not bad
 * input: it resolves to nothing and gets the usual 404. Edge-safe, pure.
 * Test: tests/reliability/bad-input.test.ts.
 */
export function isUsableHost(value: string | null): boolean {
  if (value === null || value === '') return true; // absent: Node already requires Host on HTTP/1.1
  if (value.length > 1024) return false;
  try {
    const url = new URL(`http://${value}`);
    // Only an authority: no userinfo (`a@b`), path, query or fragment smuggled into the header.
    return (
      url.host !== '' &&
      url.username === '' &&
      url.password === '' &&
      url.pathname === '/' &&
      !value.includes('/') &&
      !/[?#]/.test(value)
    );
  } catch {
    return false;
  }
}

/** The headers a request's own URL is rebuilt from: both must be usable. */
export function hasUsableHostHeaders(headers: Headers): boolean {
  return isUsableHost(headers.get('host')) && isUsableHost(headers.get('x-forwarded-host'));
}

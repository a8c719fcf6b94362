/**
 * Content-Security-Policy with a per-request nonce. Edge-safe: the middleware builds it for every
 * page request, sets it on the response, and on the forwarded request so Next stamps the nonce on
 * its own inline scripts. `strict-dynamic` lets those scripts load the app's chunks; nothing else
 * runs. `frame-ancestors 'none'` stops clickjacking of tenant pages.
 */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Origins the browser may open sockets/fetches to besides our own: the realtime sidecar. */
function realtimeSources(publicUrl: string | undefined, dev: boolean): string[] {
  if (publicUrl) {
    try {
      const url = new URL(publicUrl);
      const ws = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : 'ws:';
      const http = ws === 'wss:' ? 'https:' : 'http:';
      return [`${http}//${url.host}`, `${ws}//${url.host}`];
    } catch {
      return [];
    }
  }
  // Without REALTIME_PUBLIC_URL the client falls back to <page host>:3001.
  return dev
    ? ['http://localhost:*', 'ws://localhost:*', 'http://*.localhost:*', 'ws://*.localhost:*']
    : ['https:', 'wss:'];
}

export function buildCsp(nonce: string, options: { dev: boolean; realtimeUrl?: string }): string {
  const script = [`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`, ...(options.dev ? [`'unsafe-eval'`] : [])];
  return [
    `default-src 'self'`,
    `script-src ${script.join(' ')}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: https:`,
    `font-src 'self' data:`,
    `connect-src ${["'self'", ...realtimeSources(options.realtimeUrl, options.dev)].join(' ')}`,
    `frame-ancestors 'none'`,
    `form-action 'self'`,
    `base-uri 'self'`,
    `object-src 'none'`,
  ].join('; ');
}

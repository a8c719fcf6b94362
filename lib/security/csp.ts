/**
 * Content-Security-Policy with a per-request nonce. Edge-safe: the middleware builds it for every
 * page request, sets it on the response, and on the forwarded request so Next stamps the nonce on
 * its own inline scripts. `strict-dynamic` lets those scripts load the app's chunks; nothing else
 * runs. `frame-ancestors 'none'` stops clickjacking of tenant pages.
 */
const NONCE_BYTES = 16;
// One getRandomValues call per 256 nonces: a call costs about as much as the rest of the CSP, and
// every request makes a nonce. Each nonce takes fresh bytes from the pool; none is ever reused.
const POOL_BYTES = NONCE_BYTES * 256;
let pool = new Uint8Array(0);
let offset = 0;

export function createNonce(): string {
  if (offset + NONCE_BYTES > pool.length) {
    pool = new Uint8Array(POOL_BYTES);
    crypto.getRandomValues(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + NONCE_BYTES);
  offset += NONCE_BYTES;
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Origins the browser may open sockets/fetches to besides our own: the realtime sidecar, and only
 * it. From REALTIME_PUBLIC_URL when set; else the client's fallback, `<page host>:<REALTIME_PORT>`
 * on the page's own protocol (issue 10, finding 7: production used to allow any `https:`/`wss:`
 * origin and blocked `ws:` on plain HTTP).
 */
function realtimeSources(options: CspOptions): string[] {
  const pair = (secure: boolean, host: string) => [
    `${secure ? 'https:' : 'http:'}//${host}`,
    `${secure ? 'wss:' : 'ws:'}//${host}`,
  ];
  if (options.realtimeUrl) {
    try {
      const url = new URL(options.realtimeUrl);
      return pair(url.protocol === 'https:' || url.protocol === 'wss:', url.host);
    } catch {
      return [];
    }
  }
  if (options.dev) return ['http://localhost:*', 'ws://localhost:*', 'http://*.localhost:*', 'ws://*.localhost:*'];
  const hostname = (options.pageHost ?? '').replace(/:\d+$/, '');
  if (!hostname || !/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/i.test(hostname)) return [];
  return pair(options.secure ?? false, `${hostname}:${options.realtimePort ?? 3001}`);
}

export type CspOptions = {
  dev: boolean;
  realtimeUrl?: string;
  /** Without realtimeUrl: the page's Host (already checked to be the deployment's) and the sidecar port. */
  pageHost?: string;
  realtimePort?: number;
  secure?: boolean;
};

export function buildCsp(nonce: string, options: CspOptions): string {
  const script = [`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`, ...(options.dev ? [`'unsafe-eval'`] : [])];
  return [
    `default-src 'self'`,
    `script-src ${script.join(' ')}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: https:`,
    `font-src 'self' data:`,
    `connect-src ${["'self'", ...realtimeSources(options)].join(' ')}`,
    `frame-ancestors 'none'`,
    `form-action 'self'`,
    `base-uri 'self'`,
    `object-src 'none'`,
  ].join('; ');
}

/** The nonce in a policy built above, for inline scripts a page renders itself (the theme script). */
export function nonceFromCsp(csp: string | null | undefined): string | undefined {
  return csp ? /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1] : undefined;
}

/**
 * The real `middleware.ts`, called as a plain function in this Node process: to learn exactly which
 * request headers it forwards (the bypass baseline sends those itself) and what one call costs
 * without any server around it. The config is read when the module loads, so the env is set first;
 * call `loadMiddleware` once per process.
 */
import type { NextRequest, NextResponse } from 'next/server';

type Middleware = (request: NextRequest) => Promise<NextResponse>;
type Loaded = { middleware: Middleware; request: (url: string, headers: Record<string, string>) => NextRequest };

export async function loadMiddleware(env: Record<string, string>): Promise<Loaded> {
  Object.assign(process.env, { NODE_ENV: 'production', ...env });
  const { NextRequest: Request } = await import('next/server');
  const { middleware } = await import('../../middleware');
  return { middleware, request: (url, headers) => new Request(url, { headers }) };
}

const OVERRIDE = 'x-middleware-override-headers';
const REQUEST_PREFIX = 'x-middleware-request-';

/** The rewrite target (or the path itself) and the request headers the middleware forwards for this request. */
export async function forwardedRequest(
  loaded: Loaded,
  url: string,
  headers: Record<string, string>,
): Promise<{ path: string; headers: Record<string, string> }> {
  const response = await loaded.middleware(loaded.request(url, headers));
  // App-level routes (`/api/…`) are not rewritten, only given the headers (`x-middleware-next`).
  const rewrite = response.headers.get('x-middleware-rewrite') ?? url;
  if (!response.headers.get(OVERRIDE)) throw new Error(`middleware forwarded no headers for ${url}`);
  const forwarded: Record<string, string> = {};
  for (const name of (response.headers.get(OVERRIDE) ?? '').split(',').filter(Boolean)) {
    forwarded[name] = response.headers.get(`${REQUEST_PREFIX}${name}`) ?? '';
  }
  return { path: new URL(rewrite).pathname, headers: forwarded };
}

/** Microseconds per middleware call (request construction included, as Next builds one too). */
export async function microsPerCall(
  loaded: Loaded,
  url: string,
  headers: Record<string, string>,
  iterations: number,
): Promise<number> {
  const once = () => loaded.middleware(loaded.request(url, headers));
  for (let i = 0; i < Math.min(2000, iterations); i++) await once();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await once();
  return ((performance.now() - start) / iterations) * 1000;
}

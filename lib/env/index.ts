import { ENV_SCHEMA, type Env, type EnvKey, REQUIRED_IN_PRODUCTION } from './schema';

/**
 * The environment, typed: `import { env } from '@/lib/env'`, then `env.REDIS_URL`. This module is
 * the only place that reads `process.env` (tests/architecture/process-env.test.ts enforces it;
 * `lib/env/public.ts` holds the browser's NEXT_PUBLIC_* reads).
 *
 * 1. Startup: `parseEnv()` validates every variable at once (instrumentation.ts for Next,
 *    realtime-server/server.ts for the sidecar). A bad value stops startup with an `EnvError` that
 *    names each bad key.
 * 2. Reads: `env.KEY` parses that key's current value, memoised per raw string. It reads
 *    `process.env` when accessed, not when this module loads, because the value can legitimately
 *    change after load: the dev and test scripts set variables before they start a server in the same
 *    process, `.env` files are loaded into `process.env` by the sidecar after imports resolve, and
 *    integration tests point the database or the rate limiter elsewhere between suites. In a running
 *    server nothing changes, so each key is parsed once.
 *
 * Edge-safe: the middleware imports it (no Node built-ins).
 */
export type { Env, EnvKey } from './schema';

/** A raw environment: `process.env`, or a plain record in tests. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

export class EnvError extends Error {
  override name = 'EnvError';
}

const KEYS = Object.keys(ENV_SCHEMA) as EnvKey[];

/** `process.env` where there is one (Node, Next's edge runtime), else nothing (a browser bundle). */
function processEnvironment(): EnvSource {
  return typeof process !== 'undefined' && process.env ? process.env : {};
}

/** A blank value counts as unset. */
function present(raw: string | undefined): string | undefined {
  return raw === undefined || raw.trim() === '' ? undefined : raw;
}

function invalid(lines: readonly string[]): EnvError {
  return new EnvError(`Invalid environment:\n${lines.map((line) => `  ${line}`).join('\n')}`);
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function parseKey(key: EnvKey, raw: string | undefined): Parsed {
  const result = ENV_SCHEMA[key].safeParse(present(raw));
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, message: result.error.issues[0]?.message ?? 'is invalid' };
}

export type ParseEnvOptions = {
  /** Keys that must be set when NODE_ENV=production (default: what the Next server needs). */
  requiredInProduction?: readonly EnvKey[];
};

/** Validates every variable of `source` (default: this process) and returns them typed; throws `EnvError` naming each bad key. */
export function parseEnv(source: EnvSource = processEnvironment(), options: ParseEnvOptions = {}): Env {
  const values: Record<string, unknown> = {};
  const errors = new Map<EnvKey, string>();
  for (const key of KEYS) {
    const parsed = parseKey(key, source[key]);
    if (parsed.ok) values[key] = parsed.value;
    else errors.set(key, parsed.message);
  }
  if (values.NODE_ENV === 'production') {
    for (const key of options.requiredInProduction ?? REQUIRED_IN_PRODUCTION)
      if (!errors.has(key) && values[key] === undefined) errors.set(key, 'required in production');
  }
  if (errors.size > 0) throw invalid([...errors].map(([key, message]) => `${key}: ${message}`));
  return Object.freeze(values) as Env;
}

/** A typed view of `read`: each property parses the current raw value on access (memoised per raw value). */
function view(read: (key: EnvKey) => string | undefined): Env {
  const memo = new Map<EnvKey, { raw: string | undefined; value: unknown }>();
  const target: Record<string, unknown> = {};
  for (const key of KEYS) {
    Object.defineProperty(target, key, {
      enumerable: true,
      get() {
        const raw = read(key);
        const hit = memo.get(key);
        if (hit && hit.raw === raw) return hit.value;
        const parsed = parseKey(key, raw);
        if (!parsed.ok) throw invalid([`${key}: ${parsed.message}`]);
        memo.set(key, { raw, value: parsed.value });
        return parsed.value;
      },
    });
  }
  return Object.freeze(target) as Env;
}

/** This process's environment, typed. */
export const env: Env = view((key) => processEnvironment()[key]);

/** The same typed view over another source: for functions that take an environment as an argument (tests). */
export function envFrom(source: EnvSource): Env {
  return view((key) => source[key]);
}

/**
 * Auth.js reads its base URL from `process.env.AUTH_URL` itself, with no config option. Pointing it
 * at the configured origin (lib/urls) is what stops it building links from X-Forwarded-Host/Host
 * (issue 10, finding 2). The one write to process.env, kept here with the reads.
 */
export function pinAuthJsUrl(origin: string): void {
  const target = processEnvironment() as Record<string, string | undefined>;
  if (target.AUTH_URL !== origin) target.AUTH_URL = origin;
}

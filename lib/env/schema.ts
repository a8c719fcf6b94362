import { z } from 'zod';

/**
 * Every environment variable Tenantry reads, one zod schema each: the table in
 * docs/configuration.md, in code. Values arrive as strings; a blank one counts as unset (as `.env`
 * files often leave them). Defaults that depend on another variable (DB_RLS on in production, the
 * app role's URL, a development secret) are derived where the value is used, not here.
 *
 * Edge-safe (the middleware reads NODE_ENV and REALTIME_PUBLIC_URL): no Node built-ins.
 */

const url = (protocols: readonly string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a ${protocols.join(' or ')} URL`,
    );

const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, 'must be an integer')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const TRUE = ['1', 'true', 'on', 'yes'];
const FALSE = ['0', 'false', 'off', 'no'];
const flag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => TRUE.includes(value) || FALSE.includes(value), 'must be on or off (1/0, true/false)')
  .transform((value) => TRUE.includes(value));

const text = z.string().trim();
const secret = (min: number) => text.pipe(z.string().min(min, `must be at least ${min} characters`));
const list = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== ''),
);

/** A tenancy variable: parsed by `defineTenancy` (lib/tenants/define-tenancy.ts), whose errors name the config key too. */
const tenancy = z.string();

export const ENV_SCHEMA = {
  // Runtime
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  PORT: int(1, 65_535).default(3000),

  // Database
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  DATABASE_APP_URL: url(['postgres:', 'postgresql:']).optional(),
  DATABASE_POOL_SIZE: int(1, 1_000).default(10),
  DB_RLS: flag.optional(),
  DB_LOG_STATEMENTS: flag.optional(),

  // Redis (presence, state, rate limits, the socket.io adapter)
  REDIS_URL: url(['redis:', 'rediss:']).optional(),

  // Auth.js
  AUTH_SECRET: secret(16).optional(),
  AUTH_COOKIE_DOMAIN: text.optional(),
  AUTH_GITHUB_ID: text.optional(),
  AUTH_GITHUB_SECRET: text.optional(),
  AUTH_GOOGLE_ID: text.optional(),
  AUTH_GOOGLE_SECRET: text.optional(),

  // Email and background jobs (docs/email-and-jobs.md)
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  EMAIL_FROM: text.default('Tenantry <no-reply@tenantry.local>'),
  DEV_INBOX_PORT: int(0, 65_535).default(1080),
  JOBS_SCHEMA: text
    .pipe(z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier'))
    .default('pgboss'),
  JOBS_CONCURRENCY: int(1, 100).default(4),

  // The deployment's own origin: every absolute URL the server emits (links in emails included) is built from it (lib/urls)
  APP_URL: url(['http:', 'https:'])
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  // How many reverse proxies in front of the app append to X-Forwarded-*; 0 = ignore those headers
  TRUSTED_PROXY_HOPS: int(0, 16).default(0),

  // Realtime sidecar
  REALTIME_SECRET: secret(32).optional(),
  REALTIME_PORT: int(0, 65_535).default(3001),
  REALTIME_HOST: text.optional(),
  REALTIME_PUBLIC_URL: url(['http:', 'https:', 'ws:', 'wss:']).optional(),
  REALTIME_INTERNAL_URL: url(['http:', 'https:']).optional(),
  REALTIME_ALLOWED_ORIGINS: list.optional(),
  REALTIME_KEY_PREFIX: text.optional(),
  REALTIME_CHANNEL_PREFIX: text.optional(),
  REALTIME_PRESENCE_TIMEOUT_MS: int(0).default(15_000),
  REALTIME_HEARTBEAT_MS: int(0).default(5_000),
  NEXT_PUBLIC_REALTIME_URL: url(['http:', 'https:', 'ws:', 'wss:']).optional(),

  // Rate limits (defaults by plan: lib/rate-limit)
  RATE_LIMIT_FREE: int(1).optional(),
  RATE_LIMIT_PRO: int(1).optional(),
  RATE_LIMIT_ENTERPRISE: int(1).optional(),
  RATE_LIMIT_WINDOW_SECONDS: int(1).default(60),
  RATE_LIMIT_REDIS_URL: url(['redis:', 'rediss:']).optional(),
  RATE_LIMIT_PREFIX: text.optional(),

  // Billing (docs/billing.md)
  BILLING_PROVIDER: z.enum(['stripe', 'local'], { error: 'must be stripe or local' }).optional(),
  BILLING_LOCAL_IN_PRODUCTION: flag.optional(),
  BILLING_GRACE_DAYS: int(0, 90).default(7),
  BILLING_TRIAL_DAYS: int(0, 365).default(14),
  STRIPE_SECRET_KEY: secret(8).optional(),
  STRIPE_WEBHOOK_SECRET: secret(8).optional(),
  STRIPE_PRICE_PRO: text.optional(),
  STRIPE_PRICE_ENTERPRISE: text.optional(),
  // Operators and the tenant lifecycle (docs/operations.md)
  PLATFORM_OPERATORS: list.optional(),
  TENANT_PURGE_GRACE_DAYS: int(0, 3650).default(30),
  AUDIT_RETENTION_DAYS: int(1, 36_500).default(365),
  IMPERSONATION_MINUTES: int(1, 240).default(15),
  // Custom domains (docs/custom-domains.md)
  DNS_RESOLVER: z
    .string()
    .trim()
    .regex(/^[^\s:]+:\d{1,5}$|^\[[0-9a-fA-F:]+\]:\d{1,5}$/, 'must be host:port')
    .optional(),
  DOMAIN_REVERIFY_FAIL_DAYS: int(1, 365).default(7),
  CUSTOM_DOMAIN_CACHE_SECONDS: int(0, 60).default(30),
  CUSTOM_DOMAIN_TARGET: text.optional(),
  DOMAIN_LOOKUP_ORIGIN: url(['http:', 'https:'])
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),

  // Tenancy overrides (tenancy.config.ts keys; the table in docs/configuration.md)
  TENANT_RESOLVER: tenancy.optional(),
  TENANT_REQUIRED: tenancy.optional(),
  TENANT_DEFAULT: tenancy.optional(),
  TENANT_CONTEXT_NAME: tenancy.optional(),
  TENANT_SUBDOMAIN_EXCLUDE: tenancy.optional(),
  TENANT_MAIN_DOMAIN: tenancy.optional(),
  TENANT_PATH_POSITION: tenancy.optional(),
  TENANT_PATH_EXCLUDE: tenancy.optional(),
  TENANT_HEADER: tenancy.optional(),
  TENANT_SESSION_KEY: tenancy.optional(),
  TENANT_JWT_CLAIM: tenancy.optional(),
  PRESENCE_BACKEND: tenancy.optional(),
  PRESENCE_REDIS_URL: tenancy.optional(),
  STATE_BACKEND: tenancy.optional(),
  STATE_REDIS_URL: tenancy.optional(),
} as const;

export type EnvKey = keyof typeof ENV_SCHEMA;
export type Env = { readonly [K in EnvKey]: z.output<(typeof ENV_SCHEMA)[K]> };

/** Variables a production server refuses to start without (their development fallbacks are public). */
export const REQUIRED_IN_PRODUCTION = [
  'DATABASE_URL',
  'AUTH_SECRET',
  'APP_URL',
  'REALTIME_SECRET',
  // Sign-up verification, password reset and invitations send mail: no SMTP, no start.
  'SMTP_URL',
] as const satisfies readonly EnvKey[];

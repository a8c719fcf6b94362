import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvError, env, envFrom, parseEnv } from './index';
import { ENV_SCHEMA } from './schema';

describe('parseEnv', () => {
  it('accepts an empty development environment (embedded defaults)', () => {
    const parsed = parseEnv({ NODE_ENV: 'development' });
    expect(parsed.NODE_ENV).toBe('development');
    expect(parsed).toMatchObject({
      DATABASE_POOL_SIZE: 10,
      REALTIME_PORT: 3001,
      RATE_LIMIT_WINDOW_SECONDS: 60,
      PORT: 3000,
    });
  });

  it('names the variable of a malformed URL', () => {
    expect(() => parseEnv({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL: must be a redis: or rediss: URL/);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ APP_URL: 'example.com' })).toThrow(/APP_URL: must be a http: or https: URL/);
  });

  it('names every bad key at once', () => {
    const error = (() => {
      try {
        parseEnv({ REALTIME_PORT: 'abc', DB_RLS: 'maybe', LOG_LEVEL: 'loud' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).toMatch(/REALTIME_PORT: must be an integer/);
    expect(message).toMatch(/DB_RLS: must be on or off/);
    expect(message).toMatch(/LOG_LEVEL/);
  });

  it('refuses short secrets and out-of-range numbers', () => {
    expect(() => parseEnv({ AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET: must be at least 16/);
    expect(() => parseEnv({ REALTIME_SECRET: 'x'.repeat(31) })).toThrow(/REALTIME_SECRET: must be at least 32/);
    expect(() => parseEnv({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE: must be at least 1/);
    expect(() => parseEnv({ RATE_LIMIT_FREE: '2.5' })).toThrow(/RATE_LIMIT_FREE: must be an integer/);
  });

  it('requires the database, both secrets and an SMTP server in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(EnvError);
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET: required in production/);
    // Links are built from APP_URL, never from a request's Host (issue 10, finding 2).
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/APP_URL: required in production/);
    const complete = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://u@h/db',
      AUTH_SECRET: 'a'.repeat(32),
      REALTIME_SECRET: 'b'.repeat(32),
      APP_URL: 'https://app.example.com',
    };
    // Sign-up verification, password reset and invitations send mail: no SMTP_URL, no start.
    expect(() => parseEnv(complete)).toThrow(/SMTP_URL: required in production/);
    const ok = parseEnv({ ...complete, SMTP_URL: 'smtp://user:pass@smtp.example.com:587' });
    expect(ok.DATABASE_URL).toBe('postgresql://u@h/db');
  });

  it('refuses the local billing provider in production unless the deployment opts in', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://u@h/db',
      AUTH_SECRET: 'a'.repeat(32),
      REALTIME_SECRET: 'b'.repeat(32),
      APP_URL: 'https://app.example.com',
      SMTP_URL: 'smtp://user:pass@smtp.example.com:587',
    };
    expect(() => parseEnv({ ...production, BILLING_PROVIDER: 'local' })).toThrow(
      /BILLING_PROVIDER: local is refused in production/,
    );
    expect(
      parseEnv({ ...production, BILLING_PROVIDER: 'local', BILLING_LOCAL_IN_PRODUCTION: 'on' }).BILLING_PROVIDER,
    ).toBe('local');
    expect(parseEnv({ NODE_ENV: 'development', BILLING_PROVIDER: 'local' }).BILLING_PROVIDER).toBe('local');
  });

  it('requires the Stripe key, webhook secret and price with BILLING_PROVIDER=stripe', () => {
    expect(() => parseEnv({ BILLING_PROVIDER: 'stripe' })).toThrow(
      /STRIPE_SECRET_KEY: required when BILLING_PROVIDER=stripe/,
    );
    expect(() => parseEnv({ BILLING_PROVIDER: 'stripe' })).toThrow(/STRIPE_PRICE_PRO/);
    const ok = parseEnv({
      BILLING_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_0123456789',
      STRIPE_WEBHOOK_SECRET: 'whsec_0123456789',
      STRIPE_PRICE_PRO: 'price_123',
    });
    expect(ok.BILLING_GRACE_DAYS).toBe(7);
  });

  it('lets a process name what it needs in production (the sidecar needs no database)', () => {
    const sidecar = { requiredInProduction: ['REALTIME_SECRET'] as const };
    expect(parseEnv({ NODE_ENV: 'production', REALTIME_SECRET: 'b'.repeat(32) }, sidecar).DATABASE_URL).toBeUndefined();
    expect(() => parseEnv({ NODE_ENV: 'production' }, sidecar)).toThrow(/REALTIME_SECRET: required in production/);
  });

  it('treats empty and blank values as unset', () => {
    expect(parseEnv({ REDIS_URL: '' }).REDIS_URL).toBeUndefined();
    expect(parseEnv({ DATABASE_POOL_SIZE: '  ' }).DATABASE_POOL_SIZE).toBe(10);
  });

  it('converts flags, lists and URLs to the values the code uses', () => {
    const parsed = parseEnv({
      DB_RLS: 'ON',
      SMTP_URL: 'smtps://u:p@smtp.example.com:465',
      REALTIME_ALLOWED_ORIGINS: ' https://a.example.com, ,https://*.example.com ',
      APP_URL: 'https://app.example.com//',
    });
    expect(parsed).toMatchObject({
      DB_RLS: true,
      SMTP_URL: 'smtps://u:p@smtp.example.com:465',
      APP_URL: 'https://app.example.com',
    });
    expect(parsed.REALTIME_ALLOWED_ORIGINS).toEqual(['https://a.example.com', 'https://*.example.com']);
  });
});

describe('env', () => {
  const saved = process.env.RATE_LIMIT_WINDOW_SECONDS;
  afterEach(() => {
    if (saved === undefined) delete process.env.RATE_LIMIT_WINDOW_SECONDS;
    else process.env.RATE_LIMIT_WINDOW_SECONDS = saved;
  });

  it('has a typed property for every variable of the schema', () => {
    expect(Object.keys(env).sort()).toEqual(Object.keys(ENV_SCHEMA).sort());
    expect(Object.isFrozen(env)).toBe(true);
  });

  it('reads the process environment when accessed, so a value set after import is seen', () => {
    process.env.RATE_LIMIT_WINDOW_SECONDS = '7';
    expect(env.RATE_LIMIT_WINDOW_SECONDS).toBe(7);
    process.env.RATE_LIMIT_WINDOW_SECONDS = '9';
    expect(env.RATE_LIMIT_WINDOW_SECONDS).toBe(9);
    delete process.env.RATE_LIMIT_WINDOW_SECONDS;
    expect(env.RATE_LIMIT_WINDOW_SECONDS).toBe(60);
  });

  it('throws on access to a bad value, naming the key', () => {
    process.env.RATE_LIMIT_WINDOW_SECONDS = 'soon';
    expect(() => env.RATE_LIMIT_WINDOW_SECONDS).toThrow(EnvError);
    expect(() => env.RATE_LIMIT_WINDOW_SECONDS).toThrow(/RATE_LIMIT_WINDOW_SECONDS: must be an integer/);
  });

  it('gives the same typed view over another source', () => {
    const other = envFrom({ NODE_ENV: 'production', REALTIME_PORT: '4000' });
    expect(other.NODE_ENV).toBe('production');
    expect(other.REALTIME_PORT).toBe(4000);
    expect(() => envFrom({ REALTIME_PORT: 'x' }).REALTIME_PORT).toThrow(/REALTIME_PORT/);
  });
});

describe('docs/configuration.md', () => {
  // The variables in the first two columns of its tables (the env column of each).
  const documented = () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/configuration.md'), 'utf8');
    const names = doc
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .flatMap((line) => line.split('|').slice(1, 3))
      .flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!));
    return [...new Set(names)].sort();
  };

  it('documents every variable of the schema, and no variable the code does not read', () => {
    expect(documented()).toEqual(Object.keys(ENV_SCHEMA).sort());
  });
});

import { describe, expect, it } from 'vitest';
import { EnvError, parseServerEnv } from './server-env';

describe('parseServerEnv', () => {
  it('accepts an empty development environment (embedded defaults)', () => {
    expect(parseServerEnv({ NODE_ENV: 'development' }).NODE_ENV).toBe('development');
  });

  it('names the variable of a malformed URL', () => {
    expect(() => parseServerEnv({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL: must be a redis: or rediss: URL/);
    expect(() => parseServerEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('refuses a short secret', () => {
    expect(() => parseServerEnv({ AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET: must be at least 16/);
  });

  it('requires the database and both secrets in production', () => {
    expect(() => parseServerEnv({ NODE_ENV: 'production' })).toThrow(EnvError);
    expect(() => parseServerEnv({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET: required in production/);
    const ok = parseServerEnv({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://u@h/db',
      AUTH_SECRET: 'a'.repeat(32),
      REALTIME_SECRET: 'b'.repeat(32),
    });
    expect(ok.DATABASE_URL).toBe('postgresql://u@h/db');
  });

  it('treats empty values as unset', () => {
    expect(parseServerEnv({ REDIS_URL: '' }).REDIS_URL).toBeUndefined();
  });
});

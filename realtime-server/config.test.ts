import { describe, expect, it } from 'vitest';
import { realtimeOptionsFromEnv } from './config';
import { compileOrigins, DEV_ALLOWED_ORIGINS } from './origins';

const secret = 's'.repeat(32);

describe('sidecar configuration', () => {
  it('refuses to start in production without REALTIME_SECRET or REALTIME_ALLOWED_ORIGINS', () => {
    expect(() =>
      realtimeOptionsFromEnv({ NODE_ENV: 'production', REALTIME_ALLOWED_ORIGINS: 'https://app.example.com' }),
    ).toThrow(/REALTIME_SECRET/);
    expect(() => realtimeOptionsFromEnv({ NODE_ENV: 'production', REALTIME_SECRET: secret })).toThrow(
      /REALTIME_ALLOWED_ORIGINS/,
    );
  });

  it('uses development defaults outside production', () => {
    const options = realtimeOptionsFromEnv({ NODE_ENV: 'development' });
    expect(options).toMatchObject({
      port: 3001,
      allowedOrigins: DEV_ALLOWED_ORIGINS,
      presenceTimeoutMs: 15_000,
      heartbeatMs: 5_000,
    });
    expect(options.secret).toHaveLength(64);
  });

  // Issue 10, finding 7: REALTIME_KEY_PREFIX named both the presence keys and the adapter's channels.
  it('takes the adapter channel prefix from REALTIME_CHANNEL_PREFIX, apart from the key prefix', () => {
    const options = realtimeOptionsFromEnv({ REALTIME_KEY_PREFIX: 'keys', REALTIME_CHANNEL_PREFIX: 'chan' });
    expect(options).toMatchObject({ keyPrefix: 'keys', channelPrefix: 'chan' });
  });

  it('refuses a malformed number', () => {
    expect(() => realtimeOptionsFromEnv({ REALTIME_PORT: 'abc' })).toThrow(/REALTIME_PORT/);
  });
});

describe('origin allow-list', () => {
  const allowed = compileOrigins(['https://app.example.com', 'https://*.example.com', ...DEV_ALLOWED_ORIGINS]);

  it('admits exact origins and subdomains of a wildcard', () => {
    for (const origin of [
      'https://app.example.com',
      'https://acme.example.com',
      'https://a.b.example.com',
      'http://acme.localhost:3000',
      'HTTP://LOCALHOST:3000',
    ]) {
      expect(allowed(origin)).toBe(true);
    }
  });

  it('refuses look-alikes, other schemes and ports, null and missing origins', () => {
    for (const origin of [
      'https://example.com',
      'https://evilexample.com',
      'https://example.com.evil.io',
      'http://acme.example.com',
      'http://localhost:3001',
      'null',
      '',
      undefined,
    ]) {
      expect(allowed(origin)).toBe(false);
    }
  });

  it('refuses patterns it cannot enforce', () => {
    expect(() => compileOrigins(['https://app.*.com'])).toThrow(/leading/);
    expect(() => compileOrigins(['app.example.com'])).toThrow(/invalid allowed origin/);
  });
});

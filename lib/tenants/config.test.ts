import { describe, expect, it } from 'vitest';
import tenancyFile from '@/tenancy.config';
import { defineTenancy, getTenancyConfig, isTenancyConfig, TenancyConfigError, type TenancyInput } from './config';
import type { EnvSource } from './config-env';

const NO_ENV = { env: {} };
const withEnv = (env: EnvSource, input: TenancyInput = {}) => defineTenancy(input, { env });

/** The TenancyConfigError `fn` throws (fails the test when it throws nothing or something else). */
function configError(fn: () => unknown): TenancyConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TenancyConfigError);
    return error as TenancyConfigError;
  }
  throw new Error('expected a TenancyConfigError');
}

describe('defineTenancy defaults', () => {
  it('fills every key of the configuration table', () => {
    const c = defineTenancy({}, NO_ENV);
    expect(c).toEqual({
      resolver: 'subdomain',
      resolvers: ['subdomain'],
      required: true,
      defaultTenant: null,
      contextName: 'tenant',
      subdomain: { exclude: ['www', 'api', 'admin'], mainDomain: null },
      path: {
        position: 1,
        exclude: [
          'admin',
          'api',
          'static',
          'media',
          '_next',
          'login',
          'logout',
          'signup',
          'onboarding',
          'invite',
          'forgot-password',
          'reset-password',
          'verify-email',
        ],
      },
      header: { name: 'X-Tenant-ID' },
      session: { key: 'tenant_id', jwtClaim: 'tenant_id' },
      custom: null,
      presence: { backend: 'memory', redisUrl: null },
      state: { backend: 'memory', redisUrl: null },
    });
  });

  it('keeps file values over defaults', () => {
    const c = defineTenancy(
      {
        resolver: 'path',
        required: false,
        defaultTenant: 'acme',
        path: { position: 2 },
        subdomain: { mainDomain: 'Example.com.' },
      },
      NO_ENV,
    );
    expect(c.resolvers).toEqual(['path']);
    expect(c.required).toBe(false);
    expect(c.defaultTenant).toBe('acme');
    expect(c.path).toEqual({
      position: 2,
      exclude: [
        'admin',
        'api',
        'static',
        'media',
        '_next',
        'login',
        'logout',
        'signup',
        'onboarding',
        'invite',
        'forgot-password',
        'reset-password',
        'verify-email',
      ],
    });
    expect(c.subdomain.mainDomain).toBe('example.com');
  });

  it('parses a comma list (or an array) into a chain, lower-cased and de-duplicated', () => {
    expect(defineTenancy({ resolver: ' Header , subdomain,header ' }, NO_ENV).resolvers).toEqual([
      'header',
      'subdomain',
    ]);
    expect(defineTenancy({ resolver: ['session', 'path'] }, NO_ENV).resolver).toBe('session,path');
  });

  it('lower-cases exclude lists and accepts them as comma strings', () => {
    expect(defineTenancy({ subdomain: { exclude: 'WWW, Mail' } }, NO_ENV).subdomain.exclude).toEqual(['www', 'mail']);
  });

  it('returns a frozen config that can be spread and passed back in', () => {
    const c = defineTenancy({ resolver: 'header,path' }, NO_ENV);
    expect(Object.isFrozen(c) && Object.isFrozen(c.subdomain) && Object.isFrozen(c.resolvers)).toBe(true);
    expect(isTenancyConfig(c)).toBe(true);
    expect(isTenancyConfig({ ...c })).toBe(false);
    expect(defineTenancy({ ...c, resolver: 'path' }, NO_ENV).resolvers).toEqual(['path']);
  });
});

describe('defineTenancy refuses bad values, naming the key', () => {
  const cases: [string, TenancyInput, string][] = [
    ['an unknown resolver name', { resolver: 'subdomian' }, 'resolver'],
    ['an unknown name inside a chain', { resolver: 'header,cookie' }, 'resolver'],
    ['an empty resolver list', { resolver: ' , ' }, 'resolver'],
    ['path position 0', { path: { position: 0 } }, 'path.position'],
    ['a negative path position', { path: { position: -1 } }, 'path.position'],
    ['a fractional path position', { path: { position: 1.5 } }, 'path.position'],
    ['a default tenant that is not a slug', { defaultTenant: 'Acme Corp!' }, 'defaultTenant'],
    ['a main domain with a scheme', { subdomain: { mainDomain: 'https://example.com' } }, 'subdomain.mainDomain'],
    ['a main domain with a port', { subdomain: { mainDomain: 'example.com:3000' } }, 'subdomain.mainDomain'],
    ['a header name with a space', { header: { name: 'X Tenant' } }, 'header.name'],
    ['a cookie name with a semicolon', { session: { key: 'a;b' } }, 'session.key'],
    ['an empty claim name', { session: { jwtClaim: ' ' } }, 'session.jwtClaim'],
    ['a context name that is not an identifier', { contextName: 'my-tenant' }, 'contextName'],
    ['a non-boolean required', { required: 'maybe' as unknown as boolean }, 'required'],
    ['a custom resolver that is not a function', { custom: 'resolve' as unknown as null }, 'custom'],
    ['"custom" named with no function', { resolver: 'custom' }, 'custom'],
    ['an unknown backend', { presence: { backend: 'mongo' as 'redis' } }, 'presence.backend'],
    ['a malformed Redis URL', { presence: { redisUrl: 'localhost:6379' } }, 'presence.redisUrl'],
    ['an http URL for Redis', { state: { redisUrl: 'http://127.0.0.1:6379' } }, 'state.redisUrl'],
    ['backend redis without a URL', { presence: { backend: 'redis' } }, 'presence.redisUrl'],
    ['state backend redis without a URL', { state: { backend: 'redis' } }, 'state.redisUrl'],
    ['an unknown top-level key', { resolvr: 'path' } as TenancyInput, 'resolvr'],
    ['an unknown nested key', { path: { positon: 2 } } as TenancyInput, 'path.positon'],
  ];

  it.each(cases)('refuses %s', (_label, input, key) => {
    const error = configError(() => defineTenancy(input, NO_ENV));
    expect(error.key).toBe(key);
    expect(error.message).toContain(key);
    expect(error.envVar).toBeUndefined();
  });

  it('never prints a Redis URL, which may hold a password', () => {
    const error = configError(() => defineTenancy({ presence: { redisUrl: 'redis//:hunter2@host' } }, NO_ENV));
    expect(error.message).not.toContain('hunter2');
  });
});

describe('environment overrides', () => {
  it('override every key, winning over the file', () => {
    const c = withEnv(
      {
        TENANT_RESOLVER: 'header,path',
        TENANT_REQUIRED: 'false',
        TENANT_DEFAULT: 'Globex',
        TENANT_CONTEXT_NAME: 'organisation',
        TENANT_SUBDOMAIN_EXCLUDE: 'www,app',
        TENANT_MAIN_DOMAIN: 'tenantry.dev',
        TENANT_PATH_POSITION: '2',
        TENANT_PATH_EXCLUDE: 'api,_next',
        TENANT_HEADER: 'X-Org',
        TENANT_SESSION_KEY: 'org',
        TENANT_JWT_CLAIM: 'org_id',
        PRESENCE_BACKEND: 'redis',
        PRESENCE_REDIS_URL: 'redis://127.0.0.1:6379/1',
        STATE_BACKEND: 'memory',
        STATE_REDIS_URL: 'rediss://cache.internal:6380',
      },
      {
        resolver: 'subdomain',
        required: true,
        defaultTenant: 'acme',
        path: { position: 1 },
        header: { name: 'X-Tenant-ID' },
      },
    );
    expect(c.resolvers).toEqual(['header', 'path']);
    expect(c.required).toBe(false);
    expect(c.defaultTenant).toBe('globex');
    expect(c.contextName).toBe('organisation');
    expect(c.subdomain).toEqual({ exclude: ['www', 'app'], mainDomain: 'tenantry.dev' });
    expect(c.path).toEqual({ position: 2, exclude: ['api', '_next'] });
    expect(c.header.name).toBe('X-Org');
    expect(c.session).toEqual({ key: 'org', jwtClaim: 'org_id' });
    expect(c.presence).toEqual({ backend: 'redis', redisUrl: 'redis://127.0.0.1:6379/1' });
    expect(c.state).toEqual({ backend: 'memory', redisUrl: 'rediss://cache.internal:6380' });
  });

  it.each([
    ['true', true],
    ['1', true],
    ['YES', true],
    ['off', false],
    ['0', false],
  ])('reads TENANT_REQUIRED=%j as %j', (v, b) => {
    expect(withEnv({ TENANT_REQUIRED: v }).required).toBe(b);
  });

  it('treats an empty variable as unset', () => {
    const c = withEnv(
      { TENANT_RESOLVER: '', TENANT_DEFAULT: '  ', REDIS_URL: '' },
      { resolver: 'path', defaultTenant: 'acme' },
    );
    expect(c.resolvers).toEqual(['path']);
    expect(c.defaultTenant).toBe('acme');
    expect(c.presence.backend).toBe('memory');
  });

  it('switches presence and state to redis when REDIS_URL is set', () => {
    const c = withEnv({ REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(c.presence).toEqual({ backend: 'redis', redisUrl: 'redis://127.0.0.1:6379' });
    expect(c.state).toEqual({ backend: 'redis', redisUrl: 'redis://127.0.0.1:6379' });
  });

  it('prefers the specific Redis variable over REDIS_URL', () => {
    const c = withEnv({ REDIS_URL: 'redis://shared:6379', STATE_REDIS_URL: 'redis://state:6379' });
    expect(c.presence.redisUrl).toBe('redis://shared:6379');
    expect(c.state.redisUrl).toBe('redis://state:6379');
  });

  it('lets state follow presence when only presence is configured', () => {
    const c = defineTenancy({ presence: { redisUrl: 'redis://127.0.0.1:6379/2' } }, NO_ENV);
    expect(c.state).toEqual({ backend: 'redis', redisUrl: 'redis://127.0.0.1:6379/2' });
  });

  it('keeps an explicit memory backend even when REDIS_URL is set', () => {
    expect(withEnv({ REDIS_URL: 'redis://127.0.0.1:6379', PRESENCE_BACKEND: 'memory' }).presence.backend).toBe(
      'memory',
    );
  });

  const bad: [string, string, string][] = [
    ['TENANT_RESOLVER', 'subdomain,nope', 'resolver'],
    ['TENANT_REQUIRED', 'sometimes', 'required'],
    ['TENANT_DEFAULT', 'not a slug', 'defaultTenant'],
    ['TENANT_CONTEXT_NAME', '1tenant', 'contextName'],
    ['TENANT_MAIN_DOMAIN', 'example.com/app', 'subdomain.mainDomain'],
    ['TENANT_PATH_POSITION', '0', 'path.position'],
    ['TENANT_PATH_POSITION', 'two', 'path.position'],
    ['TENANT_HEADER', 'X:Tenant', 'header.name'],
    ['TENANT_SESSION_KEY', 'a b', 'session.key'],
    ['PRESENCE_BACKEND', 'etcd', 'presence.backend'],
    ['PRESENCE_REDIS_URL', 'not a url', 'presence.redisUrl'],
    ['REDIS_URL', 'postgres://127.0.0.1', 'presence.redisUrl'],
    ['STATE_BACKEND', 'disk', 'state.backend'],
    ['STATE_REDIS_URL', 'redis://', 'state.redisUrl'],
  ];

  it.each(bad)('refuses %s=%j, naming the key and the variable', (envVar, value, key) => {
    const error = configError(() => withEnv({ [envVar]: value }));
    expect(error.key).toBe(key);
    expect(error.envVar).toBe(envVar);
    expect(error.message).toContain(key);
    expect(error.message).toContain(envVar);
  });

  it('names the env variable when TENANT_RESOLVER asks for custom with no function', () => {
    const error = configError(() => withEnv({ TENANT_RESOLVER: 'custom' }));
    expect(error.key).toBe('custom');
    expect(error.message).toContain('TENANT_RESOLVER');
  });

  it('names the env variable when PRESENCE_BACKEND=redis has no URL', () => {
    const error = configError(() => withEnv({ PRESENCE_BACKEND: 'redis' }));
    expect(error.key).toBe('presence.redisUrl');
    expect(error.message).toContain('PRESENCE_BACKEND');
  });

  it('reads process.env when no env is given', () => {
    const before = process.env.TENANT_PATH_POSITION;
    process.env.TENANT_PATH_POSITION = '3';
    try {
      expect(defineTenancy({}).path.position).toBe(3);
    } finally {
      if (before === undefined) delete process.env.TENANT_PATH_POSITION;
      else process.env.TENANT_PATH_POSITION = before;
    }
  });
});

describe('getTenancyConfig', () => {
  it('returns the validated tenancy.config.ts, the same object every time', () => {
    const c = getTenancyConfig();
    expect(isTenancyConfig(c)).toBe(true);
    expect(c).toBe(tenancyFile);
    expect(getTenancyConfig()).toBe(c);
  });
});

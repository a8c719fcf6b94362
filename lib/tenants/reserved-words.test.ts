import { describe, expect, it } from 'vitest';
import tenancyFile from '@/tenancy.config';
import { TENANCY_DEFAULTS } from './define-tenancy';
import { APP_ROUTE_SEGMENTS, DEFAULT_PATH_EXCLUDE, DEFAULT_SUBDOMAIN_EXCLUDE, RESERVED_WORDS } from './reserved-words';
import { APP_LEVEL_SEGMENTS } from './rewrite';
import { RESERVED_SLUGS, validateNewSlug } from './slug';

describe('reserved words', () => {
  it('is one list of distinct lower-case words', () => {
    expect(new Set(RESERVED_WORDS).size).toBe(RESERVED_WORDS.length);
    for (const word of RESERVED_WORDS) expect(word).toBe(word.toLowerCase());
  });

  it('is the list onboarding refuses', () => {
    expect([...RESERVED_SLUGS].sort()).toEqual([...RESERVED_WORDS].sort());
  });

  it('keeps the documented resolver defaults, drawn from the list', () => {
    expect(DEFAULT_SUBDOMAIN_EXCLUDE).toEqual(['www', 'api', 'admin']);
    expect(DEFAULT_PATH_EXCLUDE).toEqual([
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
    ]);
    expect(TENANCY_DEFAULTS.subdomain.exclude).toBe(DEFAULT_SUBDOMAIN_EXCLUDE);
    expect(TENANCY_DEFAULTS.path.exclude).toBe(DEFAULT_PATH_EXCLUDE);
  });

  it('keeps every app route out of path mode: /signup and /invite/<token> are never tenants', () => {
    for (const word of APP_ROUTE_SEGMENTS) expect(DEFAULT_PATH_EXCLUDE, word).toContain(word);
  });

  it('backs every default exclude list and the app routes: none of their words can become a tenant', () => {
    const lists = [
      DEFAULT_SUBDOMAIN_EXCLUDE,
      DEFAULT_PATH_EXCLUDE,
      APP_ROUTE_SEGMENTS,
      [...APP_LEVEL_SEGMENTS],
      tenancyFile.subdomain.exclude,
      tenancyFile.path.exclude,
    ];
    for (const word of lists.flat()) {
      expect(RESERVED_SLUGS.has(word), word).toBe(true);
      expect(validateNewSlug(word).ok, word).toBe(false);
    }
  });
});

import { defineTenancy } from '@/lib/tenants/define-tenancy';
import { DEFAULT_PATH_EXCLUDE, DEFAULT_SUBDOMAIN_EXCLUDE } from '@/lib/tenants/reserved-words';

/**
 * Tenancy configuration: how a request finds its tenant.
 *
 * Every key can be overridden by an environment variable (the table in docs/configuration.md), and
 * the environment wins over this file. Values are validated when this module loads: a bad one
 * stops startup with an error naming the key. This file is imported by the edge middleware, so
 * keep it free of Node-only imports (no fs, no Prisma). Import `defineTenancy` from
 * `lib/tenants/define-tenancy` (not `lib/tenants/config`), which keeps the import graph acyclic.
 */
export default defineTenancy({
  // Which resolver picks the tenant: 'subdomain' | 'path' | 'header' | 'session' | 'custom',
  // or a comma list / array, tried in order (first match wins).      env: TENANT_RESOLVER
  resolver: 'subdomain',

  // No tenant resolved → 404, except on /, sign-in, sign-up, onboarding, invitations and the API.
  // false: pages outside app/[tenant] run without one.                env: TENANT_REQUIRED
  required: true,

  // Slug used when nothing resolves (never after a custom resolver threw). env: TENANT_DEFAULT
  defaultTenant: null,

  // Name under which the tenant is exposed to components (useTenantContext). env: TENANT_CONTEXT_NAME
  contextName: 'tenant',

  subdomain: {
    // Labels that are never tenants (case-insensitive): www, api, admin. Extend it with
    // [...DEFAULT_SUBDOMAIN_EXCLUDE, 'status'].                          env: TENANT_SUBDOMAIN_EXCLUDE
    exclude: DEFAULT_SUBDOMAIN_EXCLUDE,
    // e.g. 'example.com': then only <slug>.example.com counts. Unset: the first label of a host of
    // three or more labels, or <slug>.localhost in development.       env: TENANT_MAIN_DOMAIN
    mainDomain: null,
  },

  path: {
    // 1-based path segment holding the slug: /acme/dashboard → acme.  env: TENANT_PATH_POSITION
    position: 1,
    // Segments that are never tenants (case-insensitive): admin, api, static, media, _next, login,
    // logout, signup, onboarding, invite, forgot-password, reset-password, verify-email.
    //                                                                   env: TENANT_PATH_EXCLUDE
    exclude: DEFAULT_PATH_EXCLUDE,
  },

  // Header resolver: only SELECTS a tenant; membership decides access. env: TENANT_HEADER
  header: { name: 'X-Tenant-ID' },

  session: {
    // Cookie holding the active tenant.                               env: TENANT_SESSION_KEY
    key: 'tenant_id',
    // Claim in the VERIFIED Auth.js token.                            env: TENANT_JWT_CLAIM
    jwtClaim: 'tenant_id',
  },

  // Presence and state backends: 'memory', or 'redis' (the default when a Redis URL is set).
  // env: PRESENCE_BACKEND, PRESENCE_REDIS_URL / REDIS_URL, STATE_BACKEND, STATE_REDIS_URL / REDIS_URL
  // presence: { backend: 'redis', redisUrl: 'redis://127.0.0.1:6379' },
  // state: { backend: 'redis' },

  // A custom resolver (used when `resolver` includes 'custom'). It runs in edge middleware, so it
  // must be edge-safe: no database client, no Node built-ins. Return a slug, a TenantInfo or null.
  // custom: ({ headers, host }) => {
  //   const org = headers.get('x-org');
  //   if (org) return org;
  //   return host.startsWith('partner-') ? host.slice('partner-'.length).split('.')[0] ?? null : null;
  // },
});

/**
 * Words that are never tenants: THE list. Every other list of words that are not tenants is a
 * selection from it — the resolvers' default exclude lists (`TENANCY_DEFAULTS`, tenancy.config.ts)
 * and the app routes that live outside app/[tenant] (the rewrite, `required`) — and a selection
 * naming a word that is not here throws when this module loads. So a word a resolver skips by
 * default, or a route the app owns, can never be created as a tenant (onboarding checks this list).
 * Pure and edge-safe. Tests: lib/tenants/reserved-words.test.ts.
 */
export const RESERVED_WORDS: readonly string[] = [
  // The app's own routes outside app/[tenant], and Next's.
  'api',
  'login',
  'logout',
  'signin',
  'signout',
  'signup',
  'register',
  'onboarding',
  'invite',
  'invites',
  'forgot-password',
  'reset-password',
  'verify-email',
  '_next',
  'next',
  'auth',
  'oauth',
  'sso',
  // Infrastructure host names and paths.
  'www',
  'admin',
  'administrator',
  'app',
  'apps',
  'static',
  'media',
  'assets',
  'public',
  'cdn',
  'mail',
  'email',
  'smtp',
  'imap',
  'pop',
  'ftp',
  'ns1',
  'ns2',
  'dns',
  'realtime',
  'socket',
  'ws',
  'wss',
  'graphql',
  'webhooks',
  'localhost',
  'health',
  'status',
  // Product pages and words that would let a tenant impersonate the product.
  'account',
  'accounts',
  'settings',
  'dashboard',
  'billing',
  'help',
  'support',
  'docs',
  'blog',
  'about',
  'pricing',
  'terms',
  'privacy',
  'security',
  'legal',
  'contact',
  'root',
  'system',
  'tenant',
  'tenants',
  'test',
  'dev',
  'staging',
  'prod',
  'production',
  'internal',
  'null',
  'undefined',
];

const WORDS: ReadonlySet<string> = new Set(RESERVED_WORDS);

/** A selection from `RESERVED_WORDS`, in the given order; throws at load for a word not in it. */
function reserved(...words: string[]): readonly string[] {
  for (const word of words) {
    if (!WORDS.has(word)) throw new Error(`"${word}" is not in RESERVED_WORDS (lib/tenants/reserved-words.ts)`);
  }
  return Object.freeze(words);
}

/** `subdomain.exclude` default: host labels of the product's own services. */
export const DEFAULT_SUBDOMAIN_EXCLUDE = reserved('www', 'api', 'admin');

/**
 * `path.exclude` default: the first path segments the path resolver never reads as a tenant. It
 * holds every app route outside app/[tenant] (`APP_ROUTE_SEGMENTS`), or path mode would read
 * `/signup` or `/invite/<token>` as a tenant called "signup" or "invite".
 */
export const DEFAULT_PATH_EXCLUDE = reserved(
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
);

/**
 * The app routes outside app/[tenant] (sign-in, sign-up, onboarding, invitations, the API, Next's
 * own): the rewrite leaves them at their path, and they run without a tenant even when one is
 * `required` — they are how a visitor gets one.
 */
export const APP_ROUTE_SEGMENTS = reserved(
  'api',
  'login',
  'signup',
  'logout',
  'onboarding',
  'invite',
  'forgot-password',
  'reset-password',
  'verify-email',
  '_next',
  // The operator console (app/admin): on the main domain, outside tenant resolution (docs/operations.md).
  'admin',
);

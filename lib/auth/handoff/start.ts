import 'server-only';
import { randomUUID } from 'node:crypto';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { getTenancyConfig } from '@/lib/tenants/config';
import { normalizeSlug } from '@/lib/tenants/slug';
import { tenantOrigin, tenantUrl } from '@/lib/urls/tenant-origin';
import { checkMembership, listUserTenants } from '../membership';
import { isSessionRevoked } from '../revocation';
import { safeNextPath } from '../safe-next';
import { readSessionToken } from '../session-cookie';
import { switchModeFor } from '../tenant-links';
import { loadTenantBySlug } from '@/lib/tenants/tenant-store';
import { signInFormUrl } from './silent';
import { tenantPrimaryOrigin, verifiedCustomOrigin } from '@/lib/domains/tenant-origin';
import { canonicalHost, issueHandoff, pruneExpiredHandoffs } from './ticket';

/**
 * GET /api/auth/handoff/start?tenant=<slug>&next=<path> — on the host that HAS the session.
 *
 * Lands the signed-in user on the tenant's page, signed in there too: on the same host, a plain
 * redirect; on a host the session cookie already covers (AUTH_COOKIE_DOMAIN), a plain redirect;
 * otherwise a handoff ticket (lib/auth/handoff/ticket.ts) for exactly the tenant's host, redeemed
 * by GET /api/auth/handoff there. The tenant's origin comes from configuration (lib/urls). No
 * `tenant`: the user's first. Signed out → /login here; not a member → 404 (an unknown tenant
 * looks the same). `next` must be a same-deployment path (safe-next) or the dashboard is used.
 * Tests: tests/auth/handoff.test.ts, tests/http/hosts.test.ts, e2e/one-sign-in.spec.ts.
 */
const redirect = (location: string) =>
  new Response(null, {
    status: 303,
    headers: { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  });

function cookieCovers(hostname: string): boolean {
  const domain = env.AUTH_COOKIE_DOMAIN?.replace(/^\./, '').toLowerCase();
  return Boolean(domain && (hostname === domain || hostname.endsWith(`.${domain}`)));
}

/**
 * The tenant origin to land on: the custom host the user came from (`host`, from the silent
 * sign-in) when the database says it is a verified domain of this tenant, the tenant's subdomain
 * when they came from there, else its primary custom domain or subdomain (lib/domains/tenant-origin.ts).
 */
async function landingOrigin(slug: string, via: string | null): Promise<string> {
  const custom = await verifiedCustomOrigin(slug, via);
  if (custom) return custom;
  const own = tenantOrigin(slug);
  if (via && canonicalHost(via) === new URL(own).host.toLowerCase()) return own;
  return tenantPrimaryOrigin(slug);
}

export async function startHandoff(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const next = safeNextPath(params.get('next'), '');
  const requested = params.get('tenant');
  let slug = requested && requested.length <= 63 ? normalizeSlug(requested) : null;
  if (requested && !slug) return new Response('Not Found', { status: 404 });
  const token = await readSessionToken(request.headers);
  if (!token?.sub || (await isSessionRevoked(token.sid))) {
    // A tenant host asking "signed in here?" (silent.ts): no — back to its own sign-in form.
    if (params.get('sso') === '1' && slug && (await loadTenantBySlug(slug)))
      return redirect(signInFormUrl(slug, next || '/dashboard', await verifiedCustomOrigin(slug, params.get('host'))));
    return redirect(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  }
  const userId = token.sub;

  if (!slug) slug = (await listUserTenants(userId))[0]?.slug ?? null;
  if (!slug) return redirect('/onboarding');
  if ((await checkMembership(userId, slug)).status !== 'ok') return new Response('Not Found', { status: 404 });

  const mode = switchModeFor(getTenancyConfig().resolvers);
  if (mode !== 'subdomain')
    return redirect(mode === 'path' ? tenantUrl(slug, next || '/dashboard') : next || '/dashboard');

  const origin = await landingOrigin(slug, params.get('host'));
  const target = new URL(origin);
  const here = canonicalHost(request.headers.get('host') ?? '');
  const path = next || '/dashboard';
  if (here === target.host.toLowerCase()) return redirect(path);
  if (cookieCovers(target.hostname) && here && cookieCovers(new URL(`http://${here}`).hostname))
    return redirect(`${origin}${path}`);

  // Tokens minted before session ids existed get one now; revoking it still ends this copy.
  const sessionId = typeof token.sid === 'string' ? token.sid : randomUUID();
  const ticket = await issueHandoff({ userId, sessionId, targetHost: target.host.toLowerCase(), fromHost: here ?? '' });
  pruneExpiredHandoffs().catch((err: unknown) => logger.warn({ area: 'auth', err }, 'pruning handoffs failed'));
  const query = new URLSearchParams({ token: ticket, next: path });
  return redirect(`${origin}/api/auth/handoff?${query}`);
}

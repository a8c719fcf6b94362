import 'server-only';
import { linkContext } from '@/lib/auth/landing';
import { switchModeFor, tenantDashboardHref } from '@/lib/auth/tenant-links';
import { getTenancyConfig } from '@/lib/tenants/config';

/**
 * How to reach each seeded tenant from the home page, built from THIS request's host and port
 * (never a hard-coded :3000, so `PORT=3999 npm run dev` shows working links) in the configured
 * resolver mode: a link in subdomain and path mode, a curl line in header mode, words otherwise.
 */
const SEEDED = [
  { slug: 'acme', name: 'Acme Corp' },
  { slug: 'globex', name: 'Globex' },
];

export type SeededLink = { slug: string; name: string; href: string | null; hint: string };

export async function seededTenantLinks(): Promise<{ resolvers: string[]; links: SeededLink[] }> {
  const config = getTenancyConfig();
  const ctx = await linkContext();
  const mode = switchModeFor(config.resolvers);
  const origin = `${ctx.protocol === 'https' ? 'https' : 'http'}://${ctx.host || 'localhost'}`;
  const links = SEEDED.map(({ slug, name }) => {
    const href = tenantDashboardHref(slug, mode, ctx);
    const absolute = href?.startsWith('/') ? `${origin}${href}` : href;
    const hint =
      absolute ??
      (config.resolvers[0] === 'header'
        ? `curl -H '${config.header.name}: ${slug}' ${origin}/api/tenant`
        : mode === 'session'
          ? `Sign in, then pick “${name}” in the organisation menu`
          : 'Resolved by your custom resolver');
    return { slug, name, href, hint };
  });
  return { resolvers: [...config.resolvers], links };
}

import 'server-only';
import { switchModeFor, tenantDashboardHref } from '@/lib/auth/tenant-links';
import { getTenancyConfig } from '@/lib/tenants/config';
import { appOrigin } from '@/lib/urls/app-origin';

/**
 * How to reach each seeded tenant from the home page, built from the configured origin (APP_URL, in
 * development `http://localhost:$PORT`, so `PORT=3999 npm run dev` shows working links; never the
 * request's Host header) in the configured
 * resolver mode: a link in subdomain and path mode, a curl line in header mode, words otherwise.
 */
const SEEDED = [
  { slug: 'acme', name: 'Acme Corp' },
  { slug: 'globex', name: 'Globex' },
];

export type SeededLink = { slug: string; name: string; href: string | null; hint: string };

export async function seededTenantLinks(): Promise<{ resolvers: string[]; links: SeededLink[] }> {
  const config = getTenancyConfig();
  const mode = switchModeFor(config.resolvers);
  const origin = appOrigin();
  const links = SEEDED.map(({ slug, name }) => {
    const href = tenantDashboardHref(slug, mode);
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

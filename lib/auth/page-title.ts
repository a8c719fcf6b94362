import 'server-only';
import type { Metadata } from 'next';
import { getMemberContext } from './guard';

/**
 * A tenant page's `<title>`: "Members · Acme Corp" (the root layout adds "· Tenantry"). The tenant's
 * name only for a member — for anyone else the title is the page's alone, so a non-member's 404
 * says no more than an unknown tenant's (the same rule as the root layout's branding).
 */
export async function tenantPageMetadata(page: string, routeSlug: string): Promise<Metadata> {
  const context = await getMemberContext('tenant.view', routeSlug);
  return { title: context ? `${page} · ${context.tenant.name}` : page };
}

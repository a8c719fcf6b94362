import 'server-only';
import { headers } from 'next/headers';
import { TENANT_PATH_HEADER } from '@/lib/tenants/headers';

/**
 * Whether this request is for the tenant's suspended page. The tenant layout sends a suspended
 * tenant's members there itself — before any loading boundary starts streaming, so the answer is a
 * real redirect and not a 200 whose page redirects in the browser — and must not loop on the page
 * itself. The path is the middleware's (`x-tenant-path`; client-sent x-tenant-* headers are
 * stripped). It only decides whether to redirect: the suspended page runs its own guard.
 */
export async function isSuspendedPageRequest(): Promise<boolean> {
  const path = (await headers()).get(TENANT_PATH_HEADER) ?? '';
  return /\/suspended(?:[?#]|$)/.test(path);
}

import { NextResponse } from 'next/server';
import { withDatabaseUnavailable } from '@/lib/http/database-unavailable';
import { getTenant } from '@/lib/tenants/server';

/**
 * The tenant this request resolved to, or 404 (503 while the database is unreachable). Selection
 * only: it reveals no member data. The answer depends on the Host, the path, the tenant header and
 * (session mode) the cookie, so no shared cache may keep it or hand one tenant's answer to another
 * (issue 10, finding 7).
 */
const NO_SHARED_CACHE = { 'cache-control': 'private, no-store', vary: 'Host, Cookie, X-Tenant-ID' };

export const GET = withDatabaseUnavailable(async () => {
  const tenant = await getTenant();
  if (!tenant) return NextResponse.json({ error: 'tenant not found' }, { status: 404, headers: NO_SHARED_CACHE });
  return NextResponse.json(
    { id: tenant.id, slug: tenant.slug, name: tenant.name, settings: tenant.settings },
    { headers: NO_SHARED_CACHE },
  );
});

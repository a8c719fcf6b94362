import { NextResponse } from 'next/server';
import { withDatabaseUnavailable } from '@/lib/http/database-unavailable';
import { getTenant } from '@/lib/tenants/server';

/** The tenant this request resolved to, or 404 (503 while the database is unreachable). Selection only: it reveals no member data. */
export const GET = withDatabaseUnavailable(async () => {
  const tenant = await getTenant();
  if (!tenant) return NextResponse.json({ error: 'tenant not found' }, { status: 404 });
  return NextResponse.json({ id: tenant.id, slug: tenant.slug, name: tenant.name, settings: tenant.settings });
});

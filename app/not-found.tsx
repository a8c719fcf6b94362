import type { Metadata } from 'next';
import { NotFoundWayOut } from '@/components/errors/not-found-way-out';
import { getSessionUser } from '@/lib/auth/session';
import { unlessDatabaseUnavailable } from '@/lib/http/database-unavailable';
import { loadSwitcher } from '@/lib/tenant-switcher/queries';

export const metadata: Metadata = { title: 'Not found' };

/**
 * The 404 for an unknown page, an unknown tenant, and a tenant the visitor is not a member of —
 * the same page for all three, so it reveals nothing. It always offers a way on: a signed-in
 * person gets links to their own organisations (and to create one), anyone else the sign-in page.
 */
export default async function NotFound() {
  const user = await unlessDatabaseUnavailable(() => getSessionUser());
  const switcher = user ? await unlessDatabaseUnavailable(() => loadSwitcher(user.id)) : null;
  return (
    <NotFoundWayOut
      signedIn={user !== null}
      organisations={(switcher?.tenants ?? []).map((t) => ({ id: t.id, name: t.name, href: t.href }))}
    />
  );
}

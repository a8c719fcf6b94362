import type { ReactNode } from 'react';
import { requirePermission } from '@/lib/auth/guard';

type Props = { children: ReactNode; params: Promise<{ tenant: string }> };

/**
 * The page's check, once more ABOVE its loading.tsx: the page streams behind that Suspense
 * boundary, so a refusal thrown there could only render the 403/404 page under a 200 status. Here
 * it still sets the status. The page keeps its own check (a layout is not a wall).
 */
export default async function Layout({ children, params }: Props) {
  await requirePermission('audit.view', (await params).tenant);
  return children;
}

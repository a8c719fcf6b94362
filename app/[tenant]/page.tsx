import { redirect } from 'next/navigation';
import { requirePermission } from '@/lib/auth/guard';
import { getTenantBasePath } from '@/lib/tenants/server';

type Props = { params: Promise<{ tenant: string }> };

export default async function TenantHome({ params }: Props) {
  await requirePermission('tenant.view', (await params).tenant);
  redirect(`${await getTenantBasePath()}/dashboard`);
}

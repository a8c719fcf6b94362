import { redirect } from 'next/navigation';
import { getTenantBasePath, requireTenant } from '@/lib/tenants/server';

type Props = { params: Promise<{ tenant: string }> };

export default async function TenantHome({ params }: Props) {
  await requireTenant((await params).tenant);
  redirect(`${await getTenantBasePath()}/dashboard`);
}

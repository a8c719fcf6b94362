import { redirect } from 'next/navigation';
import { requireMember } from '@/lib/auth/guard';
import { getTenantBasePath } from '@/lib/tenants/server';

type Props = { params: Promise<{ tenant: string }> };

export default async function TenantHome({ params }: Props) {
  await requireMember('MEMBER', (await params).tenant);
  redirect(`${await getTenantBasePath()}/dashboard`);
}

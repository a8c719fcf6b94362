import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { createTenantAction } from '@/components/onboarding/actions';
import { CreateTenantForm } from '@/components/onboarding/create-tenant-form';
import { listUserTenants } from '@/lib/auth/membership';
import { getSessionUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Create an organisation' };

/** App-level route (no tenant): every signed-in user may create a tenant and become its owner. */
export default async function OnboardingPage() {
  const user = await getSessionUser();
  if (!user) redirect('/login?next=/onboarding');
  const tenants = await listUserTenants(user.id);

  return (
    <AuthCard
      title="Create an organisation"
      description={`You will be its owner and can invite colleagues from the Members page.${
        tenants.length > 0 ? ` You already belong to ${tenants.map((t) => t.name).join(', ')}.` : ''
      }`}
    >
      <CreateTenantForm action={createTenantAction} />
    </AuthCard>
  );
}

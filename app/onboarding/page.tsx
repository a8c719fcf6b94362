import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
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
    <main className="mx-auto max-w-md space-y-6 p-8">
      <h1 className="text-2xl font-semibold">Create an organisation</h1>
      <p className="text-sm text-zinc-500">
        You will be its owner and can invite colleagues from the Members page.
        {tenants.length > 0 ? ` You already belong to ${tenants.map((t) => t.name).join(', ')}.` : ''}
      </p>
      <CreateTenantForm action={createTenantAction} />
    </main>
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { createApiKey, revokeApiKey } from '@/components/api-keys/actions';
import { ApiKeys } from '@/components/api-keys/api-keys';
import { saveSettings } from '@/components/settings/actions';
import { SettingsForm } from '@/components/settings/settings-form';
import { listApiKeys } from '@/lib/api-keys/api-keys';
import { requirePermission } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { loadSettings } from '@/lib/settings/settings';
import { getTenancyConfig } from '@/lib/tenants/config';

type Props = { params: Promise<{ tenant: string }> };

export const metadata: Metadata = { title: 'Settings' };

/** ADMIN+ (`settings.view`). The plan is not here: it is on the owner-only Billing page. */
export default async function SettingsPage({ params }: Props) {
  const { tenant, role } = await requirePermission('settings.view', (await params).tenant);
  const current = await loadSettings(tenant.id);
  if (!current) notFound();
  const manageKeys = can(role, 'apiKeys.manage');
  const keys = manageKeys ? await listApiKeys(tenant.id) : [];

  return (
    <main className="mx-auto max-w-3xl space-y-10 p-8">
      <h1 className="text-3xl font-semibold">Settings</h1>
      <SettingsForm action={saveSettings} name={current.name} settings={current.settings} />
      {manageKeys ? (
        <section className="space-y-3">
          <h2 className="text-xl font-medium">API keys</h2>
          <ApiKeys
            create={createApiKey}
            revoke={revokeApiKey}
            headerName={getTenancyConfig().header.name}
            keys={keys.map((k) => ({
              id: k.id,
              name: k.name,
              prefix: k.prefix,
              createdAt: k.createdAt.toISOString(),
              lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
              revokedAt: k.revokedAt?.toISOString() ?? null,
            }))}
          />
        </section>
      ) : null}
    </main>
  );
}

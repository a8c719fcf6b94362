import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { createApiKey, revokeApiKey } from '@/components/api-keys/actions';
import { ApiKeys } from '@/components/api-keys/api-keys';
import { saveSettings } from '@/components/settings/actions';
import { SettingsForm } from '@/components/settings/settings-form';
import { deleteTenant, transferOwnership } from '@/components/lifecycle/actions';
import { OwnerZone } from '@/components/lifecycle/owner-zone';
import { PageBody, PageHeader } from '@/components/shell/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { env } from '@/lib/env';
import { listMembers } from '@/lib/members/members';
import { getTenantBasePath } from '@/lib/tenants/server';
import { listApiKeys } from '@/lib/api-keys/api-keys';
import { requirePermission } from '@/lib/auth/guard';
import { tenantPageMetadata } from '@/lib/auth/page-title';
import { can } from '@/lib/auth/permissions';
import { loadSettings } from '@/lib/settings/settings';
import { getTenancyConfig } from '@/lib/tenants/config';

type Props = { params: Promise<{ tenant: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tenantPageMetadata('Settings', (await params).tenant);
}

/** ADMIN+ (`settings.view`). The plan is not here: it is on the owner-only Billing page. */
export default async function SettingsPage({ params }: Props) {
  const { tenant, role, user } = await requirePermission('settings.view', (await params).tenant);
  const current = await loadSettings(tenant.id);
  if (!current) notFound();
  const manageKeys = can(role, 'apiKeys.manage');
  const keys = manageKeys ? await listApiKeys(tenant.id) : [];
  const owner = can(role, 'tenant.delete');
  const [members, base] = owner ? await Promise.all([listMembers(tenant.id), getTenantBasePath()]) : [[], ''];

  return (
    <PageBody>
      <PageHeader
        title="Settings"
        description={`How ${current.name} looks and what it offers.`}
        actions={
          owner ? (
            <Link href={`${base}/settings/domains`} className="text-sm font-medium underline underline-offset-4">
              Custom domains
            </Link>
          ) : null
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2 className="text-lg font-semibold">Organisation</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <SettingsForm action={saveSettings} name={current.name} settings={current.settings} />
        </CardContent>
      </Card>
      {manageKeys ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2 className="text-lg font-semibold">API keys</h2>
            </CardTitle>
            <CardDescription>For scripts and integrations; each key belongs to this organisation only.</CardDescription>
          </CardHeader>
          <CardContent>
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
          </CardContent>
        </Card>
      ) : null}
      {owner ? (
        <Card>
          <CardContent>
            <OwnerZone
              slug={tenant.slug}
              exportHref={`${base}/settings/export`}
              graceDays={env.TENANT_PURGE_GRACE_DAYS}
              candidates={members
                .filter((m) => m.userId !== user.id)
                .map((m) => ({ userId: m.userId, email: m.email }))}
              transfer={transferOwnership}
              remove={deleteTenant}
            />
          </CardContent>
        </Card>
      ) : null}
    </PageBody>
  );
}

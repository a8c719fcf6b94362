import type { Metadata } from 'next';
import { addDomain, makePrimaryDomain, removeDomain, verifyDomain } from '@/components/domains/actions';
import { AddDomainForm } from '@/components/domains/add-domain-form';
import { DomainRow } from '@/components/domains/domain-row';
import { PageBody, PageHeader } from '@/components/shell/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/guard';
import { tenantPageMetadata } from '@/lib/auth/page-title';
import { entitlements } from '@/lib/billing/entitlements';
import { cnameTarget, displayHostname, verificationRecordName } from '@/lib/domains/hostname';
import { listDomains } from '@/lib/domains/queries';

type Props = { params: Promise<{ tenant: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tenantPageMetadata('Domains', (await params).tenant);
}

/** OWNER (`domains.view`): custom domains, their DNS records and status. Gated by the plan's `customDomains`. */
export default async function DomainsPage({ params }: Props) {
  const { tenant } = await requirePermission('domains.view', (await params).tenant);
  const [{ features, planName }, domains] = await Promise.all([entitlements(tenant.id), listDomains(tenant.id)]);
  const target = cnameTarget();

  return (
    <PageBody>
      <PageHeader title="Domains" description={`Serve ${tenant.name} on a domain of your own.`} />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2 className="text-lg font-semibold">Custom domains</h2>
          </CardTitle>
          <CardDescription>
            Add a host name, create a TXT record proving it is yours and a CNAME pointing at {target}, then verify.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {features.customDomains ? (
            <AddDomainForm action={addDomain} />
          ) : (
            <p className="text-sm text-muted-foreground" data-testid="domains-upgrade">
              Custom domains are not included in the {planName} plan; upgrade on the Billing page.
            </p>
          )}
          {domains.length === 0 ? (
            <p className="text-sm text-muted-foreground">No custom domains yet.</p>
          ) : (
            <ul className="divide-y divide-border rounded-md border border-border text-sm" data-testid="domains">
              {domains.map((d) => (
                <DomainRow
                  key={d.id}
                  domain={{
                    id: d.id,
                    display: displayHostname(d.hostname),
                    status: d.status,
                    primary: d.primary,
                    lastError: d.lastError,
                    txtName: verificationRecordName(d.hostname),
                    txtValue: d.token,
                    cnameTarget: target,
                  }}
                  verify={verifyDomain}
                  remove={removeDomain}
                  makePrimary={makePrimaryDomain}
                />
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </PageBody>
  );
}

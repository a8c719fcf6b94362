import 'server-only';
import { defineAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/run-tenant-action';
import { entitlements } from '@/lib/billing/entitlements';
import { normalizeHostname } from './hostname';
import { deleteDomain, findDomain, insertDomain, setPrimaryDomain } from './queries';
import { addDomainSchema, domainIdSchema } from './schemas';
import { verifyDomain } from './verify';

/**
 * The Domains page's actions (`domains.manage`, owners only), entry points in
 * components/domains/actions.ts. Adding and verifying need the plan's `customDomains` feature;
 * removing never does (a downgraded tenant can always clean up). Every success is audited by
 * `tenantAction`. The page refreshes itself after a success (`router.refresh()` in
 * components/domains), so the bodies need no Next request context. Tests: tests/domains/domains.test.ts.
 */
const NOT_ON_PLAN = 'Custom domains are not included in your plan; upgrade on the Billing page.';

async function requireFeature(tenantId: string): Promise<void> {
  if (!(await entitlements(tenantId)).features.customDomains) throw new ActionError(NOT_ON_PLAN);
}

export const addDomainAction = defineAction(
  { name: 'domains.add', permission: 'domains.manage', schema: addDomainSchema },
  async (input, { tenant }) => {
    await requireFeature(tenant.id);
    const parsed = normalizeHostname(input.hostname);
    if (!parsed.ok) throw new ActionError(parsed.error, { hostname: [parsed.error] });
    const result = await insertDomain(tenant.id, parsed.hostname);
    if (!result.ok) throw new ActionError('This domain is already listed', { hostname: ['Already listed'] });
    return {
      message: `Added ${parsed.display}: create the DNS records, then verify.`,
      data: { id: result.domain.id },
      audit: { id: result.domain.id, hostname: parsed.hostname },
    };
  },
);

export const verifyDomainAction = defineAction(
  { name: 'domains.verify', permission: 'domains.manage', schema: domainIdSchema },
  async (input, { tenant }) => {
    await requireFeature(tenant.id);
    const domain = await findDomain(tenant.id, input.id);
    if (!domain) throw new ActionError('That domain does not exist.');
    const outcome = await verifyDomain(tenant.id, domain);
    if (outcome.status !== 'verified') throw new ActionError(`Not verified yet: ${outcome.error}`);
    return { message: 'Domain verified.', audit: { id: domain.id, hostname: domain.hostname } };
  },
);

export const removeDomainAction = defineAction(
  { name: 'domains.remove', permission: 'domains.manage', schema: domainIdSchema },
  async (input, { tenant }) => {
    const domain = await deleteDomain(tenant.id, input.id);
    if (!domain) throw new ActionError('That domain does not exist.');
    return { message: 'Domain removed.', audit: { id: domain.id, hostname: domain.hostname } };
  },
);

export const makePrimaryDomainAction = defineAction(
  { name: 'domains.primary', permission: 'domains.manage', schema: domainIdSchema },
  async (input, { tenant }) => {
    if (!(await setPrimaryDomain(tenant.id, input.id))) throw new ActionError('Only a verified domain can be primary.');
    return { message: 'Primary domain set.', audit: { id: input.id } };
  },
);

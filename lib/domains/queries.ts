import { randomBytes } from 'node:crypto';
import { forTenant, withoutTenant } from '@/lib/db';
import { isUniqueViolation } from '@/lib/db/unique-violation';

/**
 * Every read and write of TenantDomain. A tenant's own rows go through `forTenant` (RLS and the
 * extension); the two cross-tenant reads — "which tenant owns this verified host?" for the edge and
 * the TLS `ask`, and the re-verification sweep — go through `withoutTenant` and return the least
 * they can. Only one verified row per hostname can exist (partial unique index): a verification
 * that loses that race is `{ ok: false, reason: 'taken' }`.
 */
export type DomainStatus = 'pending' | 'verified' | 'failed';

export type DomainRow = {
  id: string;
  hostname: string;
  status: string;
  token: string;
  primary: boolean;
  verifiedAt: Date | null;
  lastCheckedAt: Date | null;
  failingSince: Date | null;
  lastError: string | null;
  createdAt: Date;
};

const DOMAIN = {
  id: true,
  hostname: true,
  status: true,
  token: true,
  primary: true,
  verifiedAt: true,
  lastCheckedAt: true,
  failingSince: true,
  lastError: true,
  createdAt: true,
} as const;

export function newVerificationToken(): string {
  return `tenantry-verify=${randomBytes(24).toString('base64url')}`;
}

export async function listDomains(tenantId: string): Promise<DomainRow[]> {
  return forTenant(tenantId).tenantDomain.findMany({ select: DOMAIN, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

export async function findDomain(tenantId: string, id: string): Promise<DomainRow | null> {
  return forTenant(tenantId).tenantDomain.findFirst({ where: { id }, select: DOMAIN });
}

export async function insertDomain(
  tenantId: string,
  hostname: string,
): Promise<{ ok: true; domain: DomainRow } | { ok: false; reason: 'taken' }> {
  try {
    const domain = await forTenant(tenantId).tenantDomain.create({
      data: { tenantId, hostname, token: newVerificationToken() },
      select: DOMAIN,
    });
    return { ok: true, domain };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'taken' };
    throw error;
  }
}

export async function deleteDomain(tenantId: string, id: string): Promise<DomainRow | null> {
  const domain = await findDomain(tenantId, id);
  if (!domain) return null;
  await forTenant(tenantId).tenantDomain.deleteMany({ where: { id } });
  return domain;
}

/** Records a check's outcome. Verifying can lose to another tenant's earlier verification. */
export async function recordCheck(
  tenantId: string,
  id: string,
  update: { status: DomainStatus; verifiedAt?: Date; failingSince?: Date | null; lastError: string | null; now: Date },
): Promise<{ ok: true } | { ok: false; reason: 'taken' }> {
  try {
    await forTenant(tenantId).tenantDomain.updateMany({
      where: { id },
      data: {
        status: update.status,
        ...(update.verifiedAt ? { verifiedAt: update.verifiedAt } : {}),
        ...(update.failingSince !== undefined ? { failingSince: update.failingSince } : {}),
        ...(update.status === 'verified' ? {} : { primary: false }),
        lastError: update.lastError,
        lastCheckedAt: update.now,
      },
    });
    return { ok: true };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'taken' };
    throw error;
  }
}

/** Makes one verified domain the tenant's primary (links and sign-in land there); the others lose it. */
export async function setPrimaryDomain(tenantId: string, id: string): Promise<boolean> {
  const domain = await findDomain(tenantId, id);
  if (domain?.status !== 'verified') return false;
  const client = forTenant(tenantId);
  await client.tenantDomain.updateMany({ where: { primary: true }, data: { primary: false } });
  await client.tenantDomain.updateMany({ where: { id }, data: { primary: true } });
  return true;
}

/** The slug of the tenant whose VERIFIED domain `hostname` is (lower-case ASCII), or null. */
export async function verifiedDomainOwner(hostname: string): Promise<string | null> {
  const row = await withoutTenant((client) =>
    client.tenantDomain.findFirst({
      where: { hostname, status: 'verified', tenant: { deletionRequestedAt: null } },
      select: { tenant: { select: { slug: true } } },
    }),
  );
  return row?.tenant.slug ?? null;
}

/** The tenant's verified primary domain, if it has one. */
export async function primaryDomainOf(slug: string): Promise<string | null> {
  const row = await withoutTenant((client) =>
    client.tenantDomain.findFirst({
      where: { status: 'verified', primary: true, tenant: { slug } },
      select: { hostname: true },
    }),
  );
  return row?.hostname ?? null;
}

/** Is `slug` an existing tenant? (The TLS `ask` issues certificates for real tenant subdomains only.) */
export async function tenantExists(slug: string): Promise<boolean> {
  const row = await withoutTenant((client) => client.tenant.findUnique({ where: { slug }, select: { id: true } }));
  return row !== null;
}

/** Everything the sweep re-checks: pending and verified domains of every tenant. */
export async function domainsToCheck(): Promise<(DomainRow & { tenantId: string })[]> {
  return withoutTenant((client) =>
    client.tenantDomain.findMany({
      where: { status: { in: ['pending', 'verified'] } },
      select: { ...DOMAIN, tenantId: true },
      orderBy: { id: 'asc' },
    }),
  );
}

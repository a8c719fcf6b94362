-- Custom domains (docs/custom-domains.md): a tenant's own host names, proven by a DNS TXT record.
--
-- Invariants: a tenant names a host once ("tenantId", "hostname" unique); any number of tenants may
-- CLAIM a host while pending, but only one row per hostname can be verified (the partial unique
-- index below), so the first verification wins and a later one fails on the index. The table is
-- tenant-owned and gets the tenant_isolation policy (tenantry_enable_rls). Tests:
-- tests/domains/domains.test.ts, tests/isolation/rls.test.ts (coverage).

CREATE TABLE "TenantDomain" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "token" TEXT NOT NULL,
    "primary" BOOLEAN NOT NULL DEFAULT false,
    "verifiedAt" TIMESTAMP(3),
    "lastCheckedAt" TIMESTAMP(3),
    "failingSince" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "TenantDomain_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "TenantDomain_tenantId_hostname_key" ON "TenantDomain"("tenantId", "hostname");
CREATE INDEX "TenantDomain_hostname_idx" ON "TenantDomain"("hostname");
-- First verified wins: a second tenant's verification of the same host is a unique violation.
CREATE UNIQUE INDEX "TenantDomain_verified_hostname_key" ON "TenantDomain"("hostname") WHERE "status" = 'verified';

ALTER TABLE "TenantDomain" ADD CONSTRAINT "TenantDomain_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

SELECT tenantry_enable_rls();

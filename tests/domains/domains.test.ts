import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  type ActionBody,
  type ActionDefinition,
  FORBIDDEN_MESSAGE,
  runTenantAction,
} from '@/lib/actions/run-tenant-action';
import { requiredRole } from '@/lib/auth/permissions';
import { withoutTenant } from '@/lib/db';
import {
  addDomainAction,
  makePrimaryDomainAction,
  removeDomainAction,
  verifyDomainAction,
} from '@/lib/domains/actions';
import { tenantPrimaryOrigin, verifiedCustomOrigin } from '@/lib/domains/tenant-origin';
import { invitationLink } from '@/lib/invitations/link';
import { normalizeHostname, verificationRecordName } from '@/lib/domains/hostname';
import { findDomain, listDomains, verifiedDomainOwner } from '@/lib/domains/queries';
import { verifyDomains } from '@/lib/domains/verify';
import { resetRateLimiters } from '@/lib/rate-limit';
import { loadTenantBySlug } from '@/lib/tenants/tenant-store';
import { seededDbForSuite, tenantId } from '../accounts/scratch';
import { deliver, subscriptionEvent, subscriptionFor } from '../billing/helpers';
import { type DnsServer, startDnsServer } from '../fixtures/dns-server';

/**
 * Custom domains end to end below HTTP: the host-name rules, the plan gate, owner-only actions,
 * DNS verification against a real DNS server on loopback, first-verified-wins, and the sweep's
 * verified → failed after DOMAIN_REVERIFY_FAIL_DAYS. (Over HTTP: domains-http.test.ts.)
 */
seededDbForSuite();

let dns: DnsServer;
const DAY = 86_400_000;

beforeAll(async () => {
  dns = await startDnsServer();
  process.env.DNS_RESOLVER = dns.address;
  process.env.DOMAIN_REVERIFY_FAIL_DAYS = '3';
});

afterAll(async () => {
  delete process.env.DNS_RESOLVER;
  delete process.env.DOMAIN_REVERIFY_FAIL_DAYS;
  await dns?.stop();
});

beforeEach(() => {
  process.env.RATE_LIMIT_PREFIX = `test-${randomUUID()}`;
  delete process.env.REDIS_URL;
  resetRateLimiters();
});

async function sessionUser(email: string) {
  return withoutTenant((c) =>
    c.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, image: true } }),
  );
}

async function run<S extends z.ZodType>(
  pair: { def: ActionDefinition<S>; body: ActionBody<S> },
  email: string,
  slug: string,
  input: object,
) {
  const tenant = await loadTenantBySlug(slug);
  const user = await sessionUser(email);
  return (await runTenantAction(pair.def, pair.body, input, { user, tenant, ip: null })).state;
}

/** Owner notices queued (lib/domains/notify.ts → the mail queue's platform outbox) under a key prefix. */
async function queuedNotices(prefix: string): Promise<string[]> {
  const rows = await withoutTenant((c) =>
    c.platformJobOutbox.findMany({ where: { key: { startsWith: prefix } }, select: { key: true } }),
  );
  return rows.map((r) => r.key);
}

async function auditCount(slug: string, action: string): Promise<number> {
  const id = await tenantId(slug);
  return withoutTenant((c) => c.auditLog.count({ where: { tenantId: id, action } }));
}

describe('host-name rules', () => {
  it('refuses IPs, wildcards, URLs, single labels and the deployment’s own names', () => {
    for (const bad of [
      '10.0.0.1',
      '[::1]',
      '*.example.com',
      'https://a.example.com/',
      'intranet',
      'localhost',
      'acme.localhost',
      'a..b.com',
      '-a.example.com',
      'a.example.com:443',
      '1.2.3.4.5',
    ])
      expect(normalizeHostname(bad).ok, bad).toBe(false);
  });

  it('stores punycode, lower-case, without the trailing dot, and shows it decoded', () => {
    expect(normalizeHostname('App.Example.COM.')).toEqual({
      ok: true,
      hostname: 'app.example.com',
      display: 'app.example.com',
    });
    expect(normalizeHostname('Bücher.example')).toEqual({
      ok: true,
      hostname: 'xn--bcher-kva.example',
      display: 'bücher.example',
    });
  });
});

describe('adding and verifying a domain', () => {
  const host = 'app.acme-custom.test';

  it('is owner-only and needs the customDomains feature', async () => {
    expect(requiredRole('domains.manage')).toBe('OWNER');
    // carol is a MEMBER of acme: refused, nothing written.
    expect(await run(addDomainAction, 'carol@both.test', 'acme', { hostname: host })).toEqual({
      ok: false,
      error: FORBIDDEN_MESSAGE,
    });
    // alice owns acme, which is on Free: refused by the plan.
    const free = await run(addDomainAction, 'alice@acme.test', 'acme', { hostname: host });
    expect(free.ok).toBe(false);
    expect(free).toMatchObject({ ok: false });
    expect(JSON.stringify(free)).toMatch(/not included in your plan/);
    expect(await listDomains(await tenantId('acme'))).toEqual([]);
  });

  it('pending → verified by the TXT record; a wrong TXT never verifies; audited', async () => {
    const acmeId = await tenantId('acme');
    await deliver(subscriptionEvent('created', subscriptionFor(acmeId), new Date()));
    const added = await run(addDomainAction, 'alice@acme.test', 'acme', { hostname: 'APP.acme-custom.test.' });
    expect(added).toMatchObject({ ok: true });
    const [domain] = await listDomains(acmeId);
    expect(domain).toMatchObject({ hostname: host, status: 'pending' });
    expect(domain!.token).toMatch(/^tenantry-verify=/);
    expect(await auditCount('acme', 'domains.add')).toBe(1);

    // No record, then a wrong one: still pending, never resolving.
    let verified = await run(verifyDomainAction, 'alice@acme.test', 'acme', { id: domain!.id });
    expect(verified.ok).toBe(false);
    dns.setTxt(verificationRecordName(host), ['tenantry-verify=somebody-else']);
    verified = await run(verifyDomainAction, 'alice@acme.test', 'acme', { id: domain!.id });
    expect(verified.ok).toBe(false);
    expect((await findDomain(acmeId, domain!.id))?.status).toBe('pending');
    expect(await verifiedDomainOwner(host)).toBeNull();

    dns.setTxt(verificationRecordName(host), ['v=spf1 -all', domain!.token]);
    verified = await run(verifyDomainAction, 'alice@acme.test', 'acme', { id: domain!.id });
    expect(verified).toMatchObject({ ok: true });
    expect((await findDomain(acmeId, domain!.id))?.status).toBe('verified');
    expect(await verifiedDomainOwner(host)).toBe('acme');
    expect(await auditCount('acme', 'domains.verify')).toBe(1);
    // The owner (alice) is told once; the failed attempts above told nobody.
    const alice = await withoutTenant((c) => c.user.findUniqueOrThrow({ where: { email: 'alice@acme.test' } }));
    const verifiedKeys = await queuedNotices(`domain-verified:${acmeId}:${host}:`);
    expect(verifiedKeys).toHaveLength(1);
    expect(verifiedKeys[0]).toMatch(new RegExp(`:${alice.id}$`));
  });

  it('a second tenant may claim the host, but the first verified wins', async () => {
    const globexId = await tenantId('globex');
    await deliver(subscriptionEvent('created', subscriptionFor(globexId), new Date()));
    const added = await run(addDomainAction, 'bob@globex.test', 'globex', { hostname: host });
    expect(added.ok).toBe(true);
    const [claim] = await listDomains(globexId);
    // Even with globex's token published too, the host stays acme's.
    const acmeToken = (await listDomains(await tenantId('acme')))[0]!.token;
    dns.setTxt(verificationRecordName(host), [acmeToken, claim!.token]);
    const verified = await run(verifyDomainAction, 'bob@globex.test', 'globex', { id: claim!.id });
    expect(verified.ok).toBe(false);
    expect(JSON.stringify(verified)).toMatch(/already verified/);
    expect((await findDomain(globexId, claim!.id))?.status).toBe('pending');
    expect(await verifiedDomainOwner(host)).toBe('acme');
    // And globex cannot touch acme's row by id.
    const acmeRow = (await listDomains(await tenantId('acme')))[0]!;
    expect((await run(removeDomainAction, 'bob@globex.test', 'globex', { id: acmeRow.id })).ok).toBe(false);
    expect(await verifiedDomainOwner(host)).toBe('acme');
  });

  it('the sweep keeps a failing domain for DOMAIN_REVERIFY_FAIL_DAYS, then marks it failed', async () => {
    dns.remove(verificationRecordName(host));
    const now = Date.now();
    await verifyDomains(new Date(now));
    expect(await verifiedDomainOwner(host)).toBe('acme');
    await verifyDomains(new Date(now + 2 * DAY));
    expect(await verifiedDomainOwner(host)).toBe('acme');
    const result = await verifyDomains(new Date(now + 3 * DAY));
    expect(result.failed).toBe(1);
    expect(await verifiedDomainOwner(host)).toBeNull();
    const acmeId = await tenantId('acme');
    expect(await queuedNotices(`domain-failed:${acmeId}:${host}:`)).toHaveLength(1);
    // Still failing on the next sweep: no second notice (a failed domain is no longer swept).
    await verifyDomains(new Date(now + 4 * DAY));
    expect(await queuedNotices(`domain-failed:${acmeId}:${host}:`)).toHaveLength(1);
    const acmeRow = (await listDomains(await tenantId('acme')))[0]!;
    expect(acmeRow.status).toBe('failed');
  });

  it('once acme’s is failed, globex’s own verification can win the host', async () => {
    const globexId = await tenantId('globex');
    const [claim] = await listDomains(globexId);
    dns.setTxt(verificationRecordName(host), [claim!.token]);
    expect((await run(verifyDomainAction, 'bob@globex.test', 'globex', { id: claim!.id })).ok).toBe(true);
    expect(await verifiedDomainOwner(host)).toBe('globex');
  });
});

describe('links on a primary custom domain', () => {
  const host = 'app.acme-custom.test';

  it('only a verified domain can be primary; invitation links and the handoff then use it', async () => {
    const acmeRow = (await listDomains(await tenantId('acme')))[0]!;
    expect((await run(makePrimaryDomainAction, 'alice@acme.test', 'acme', { id: acmeRow.id })).ok).toBe(false);
    expect(await invitationLink('tok', 'acme')).toBe('http://localhost:3000/invite/tok');

    const globexRow = (await listDomains(await tenantId('globex')))[0]!;
    expect((await run(makePrimaryDomainAction, 'bob@globex.test', 'globex', { id: globexRow.id })).ok).toBe(true);
    expect(await invitationLink('tok', 'globex')).toBe(`http://${host}:3000/invite/tok`);
    expect(await tenantPrimaryOrigin('globex')).toBe(`http://${host}:3000`);
    // A client-named host counts only for the tenant that verified it.
    expect(await verifiedCustomOrigin('globex', `${host.toUpperCase()}.:8443`)).toBe(`http://${host}:8443`);
    expect(await verifiedCustomOrigin('acme', host)).toBeNull();
    expect(await verifiedCustomOrigin('globex', 'evil.example')).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutTenant } from '@/lib/db';
import { notifyOwnershipTransferred } from '@/lib/lifecycle/notify';
import { scheduleDeletion } from '@/lib/lifecycle/status';
import { addMember, makeUser, seededDbForSuite, tenantId, userId } from '../accounts/scratch';
import { checkoutEvent, deliver, invoiceEvent, subscriptionEvent, subscriptionFor } from '../billing/helpers';
import { type MailHarness, startMailHarness } from '../fixtures/mail-harness';

/**
 * Billing and lifecycle notices through the real queue to a real SMTP server on loopback: a
 * past-due transition mails each of acme's owners (and nobody at globex), scheduling a deletion
 * mails the owners, and every link is on APP_URL.
 */
const database = seededDbForSuite();
let mail: MailHarness;
const APP = 'https://app.example.test';

beforeAll(async () => {
  mail = await startMailHarness(database().url, APP);
});
afterAll(() => mail?.stop());

const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');

async function queuedKeys(prefix: string): Promise<string[]> {
  const rows = await withoutTenant((c) =>
    c.platformJobOutbox.findMany({ where: { key: { startsWith: prefix } }, select: { key: true } }),
  );
  return rows.map((r) => r.key).sort();
}

describe('billing and lifecycle notices over SMTP', () => {
  it('a past-due transition mails every owner of acme, one mail each, and nobody at globex', async () => {
    const acme = await tenantId('acme');
    const second = await makeUser('acme-owner2');
    await addMember(acme, second.id, 'OWNER');
    const alice = await userId('alice@acme.test');

    const s = subscriptionFor(acme);
    const start = new Date();
    await deliver(checkoutEvent(s, start));
    await deliver(subscriptionEvent('created', s, start));
    const failed = await deliver(invoiceEvent(false, s, new Date(start.getTime() + 1000)));
    expect(failed.status).toBe(200);

    const first = await mail.inbox.waitFor((m) => m.to.includes('alice@acme.test'));
    const other = await mail.inbox.waitFor((m) => m.to.includes(second.email));
    for (const message of [first, other]) {
      expect(message.subject).toMatch(/past due/i);
      expect(message.text).toContain('Acme Corp');
      expect(message.text).toMatch(/\d{4}-\d{2}-\d{2}/); // the grace deadline
      for (const href of hrefs(message.html)) expect(href).toBe(`${APP}/login`);
    }
    // Exactly one notice per acme owner was queued; none names a globex member.
    const keys = await queuedKeys(`past-due:${acme}:`);
    expect(keys).toHaveLength(2);
    expect(keys.map((k) => k.split(':').at(-1)).sort()).toEqual([alice, second.id].sort());
    const globex = await tenantId('globex');
    expect(await queuedKeys(`past-due:${globex}:`)).toEqual([]);
    expect(mail.inbox.messages().filter((m) => /globex|carol/i.test(m.to.join(',')))).toEqual([]);

    // A replayed failure is not a new transition: no second round of mail.
    await deliver(invoiceEvent(false, s, new Date(start.getTime() + 1000)));
    expect(await queuedKeys(`past-due:${acme}:`)).toHaveLength(2);
  });

  it('scheduling a deletion mails the owners the purge date', async () => {
    const globex = await tenantId('globex');
    const purgeAfter = await scheduleDeletion(globex);
    expect(purgeAfter).not.toBeNull();
    const message = await mail.inbox.waitFor((m) => m.to.includes('bob@globex.test') && /deletion/i.test(m.subject));
    expect(message.text).toContain(purgeAfter?.toISOString().slice(0, 10));
    expect(message.text).toContain('globex');
    expect(message.text).not.toMatch(/acme/i);
    expect(await queuedKeys(`deletion:${globex}:`)).toEqual([
      `deletion:${globex}:${purgeAfter?.toISOString()}:${await userId('bob@globex.test')}`,
    ]);
  });

  it('an ownership transfer mails the previous and the new owner, once each', async () => {
    const acme = await tenantId('acme');
    const from = { id: await userId('alice@acme.test'), email: 'alice@acme.test' };
    const to = { id: await userId('carol@both.test'), email: 'carol@both.test' };
    const at = new Date();
    await notifyOwnershipTransferred({ tenantId: acme, slug: 'acme', from, to, at });
    await notifyOwnershipTransferred({ tenantId: acme, slug: 'acme', from, to, at }); // the same event again
    const toCarol = await mail.inbox.waitFor((m) => m.to.includes('carol@both.test') && /ownership/i.test(m.subject));
    const toAlice = await mail.inbox.waitFor((m) => m.to.includes('alice@acme.test') && /ownership/i.test(m.subject));
    for (const message of [toCarol, toAlice]) expect(message.text).toContain('carol@both.test');
    expect(await queuedKeys(`ownership:${acme}:`)).toHaveLength(2);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { csvCell, csvLine, csvStream } from '@/lib/audit/csv';
import { purgeExpiredAudit } from '@/lib/audit/retention';
import { withoutTenant } from '@/lib/db';
import { transferOwnership } from '@/lib/lifecycle/transfer';
import { listPlatformAudit, recordPlatformAudit } from '@/lib/platform/audit';
import { roleOf, seededDbForSuite, tenantId, userId } from '../accounts/scratch';

seededDbForSuite();

let acme: string;
beforeAll(async () => {
  acme = await tenantId('acme');
});

describe('audit CSV', () => {
  it('quotes, doubles quotes and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvLine([null, 'x'])).toBe(',x\r\n');
  });

  it('streams a header and then every page', async () => {
    async function* pages() {
      yield [{ a: 1 }, { a: 2 }];
      yield [{ a: 3 }];
    }
    const text = await new Response(csvStream(['a'], pages(), (r) => [r.a])).text();
    expect(text).toBe('a\r\n1\r\n2\r\n3\r\n');
  });
});

describe('audit retention', () => {
  it('removes tenant and platform entries older than the retention period, and only those', async () => {
    const now = new Date('2027-01-01T00:00:00Z');
    const old = new Date('2025-12-01T00:00:00Z');
    const recent = new Date('2026-12-15T00:00:00Z');
    await withoutTenant(async (c) => {
      await c.auditLog.createMany({
        data: [
          { tenantId: acme, action: 'old', createdAt: old },
          { tenantId: acme, action: 'recent', createdAt: recent },
        ],
      });
      await c.platformAuditLog.createMany({
        data: [
          { actorEmail: 'ops@x.test', action: 'old', createdAt: old },
          { actorEmail: 'ops@x.test', action: 'recent', createdAt: recent },
        ],
      });
    });
    const result = await purgeExpiredAudit({ now, days: 365, batchSize: 1 });
    expect(result.tenantEntries).toBeGreaterThanOrEqual(1);
    expect(result.platformEntries).toBe(1);
    const actions = await withoutTenant((c) =>
      c.auditLog.findMany({ where: { tenantId: acme }, select: { action: true } }),
    );
    expect(actions.map((a) => a.action)).toContain('recent');
    expect(actions.map((a) => a.action)).not.toContain('old');
    expect((await listPlatformAudit()).map((e) => e.action)).toEqual(['recent']);
  });

  it('keeps the platform log apart from tenants (no tenantId column: not scoped, exported or purged)', async () => {
    await recordPlatformAudit({ actor: { id: null, email: 'cli' }, action: 'x', target: { id: acme, slug: 'acme' } });
    const columns = await withoutTenant(
      (c) =>
        c.$queryRaw<{ column_name: string }[]>`
        SELECT column_name FROM information_schema.columns WHERE table_name IN ('PlatformAuditLog', 'Impersonation')`,
    );
    expect(columns.map((c) => c.column_name)).not.toContain('tenantId');
  });
});

describe('ownership transfer', () => {
  it('makes a member an owner and lets the old owner step down; never leaves zero owners', async () => {
    const alice = await userId('alice@acme.test');
    const carol = await userId('carol@both.test');
    const bob = await userId('bob@globex.test');
    expect(await transferOwnership(acme, { fromUserId: alice, toUserId: bob, stepDown: true })).toEqual({
      ok: false,
      reason: 'not-a-member',
    });
    expect(await roleOf(acme, alice)).toBe('OWNER');
    expect(await transferOwnership(acme, { fromUserId: alice, toUserId: alice, stepDown: true })).toMatchObject({
      ok: false,
    });
    const result = await transferOwnership(acme, { fromUserId: alice, toUserId: carol, stepDown: true });
    expect(result).toMatchObject({ ok: true, to: { email: 'carol@both.test' }, from: { email: 'alice@acme.test' } });
    expect(await roleOf(acme, carol)).toBe('OWNER');
    expect(await roleOf(acme, alice)).toBe('ADMIN');
    // alice is no longer an owner, so she cannot hand ownership on.
    expect(await transferOwnership(acme, { fromUserId: alice, toUserId: carol, stepDown: false })).toMatchObject({
      ok: false,
    });
  });
});

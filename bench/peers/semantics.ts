/**
 * What each case does, not how fast: three probes run on the bench's database, printed beside the
 * table. (a) a tenant updates its own row's tenantId to another tenant's; (b) a read with no tenant
 * set; (c) raw SQL through a tenant's client. Each probe reports what happened, read back by the owner.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DbBench } from '../db-cases';
import type { ZenStackCases } from './zenstack-cases';

type Outcome = { case: string; probe: string; outcome: string };

const short = (error: unknown): string => {
  const e = error as { code?: unknown; name?: string; message?: string };
  const code = typeof e.code === 'string' ? `${e.code}: ` : '';
  // Prisma's messages open with where the call was made; the last line with text says what happened.
  const line = (e.message ?? String(error)).split('\n').findLast((l) => l.trim() !== '') ?? '';
  return `${code}${line.trim().slice(0, 120)}`;
};

// Anything with an item delegate that can update and read; the clients differ only in their types.
type Updater = { item: { update(args: object): PromiseLike<unknown> } };
type Reader = { item: { findMany(args?: object): PromiseLike<unknown[]> } };
type Raw = { $queryRawUnsafe(sql: string): PromiseLike<unknown> };

export async function probeSemantics(bench: DbBench, zs: ZenStackCases): Promise<Outcome[]> {
  const [a, b] = bench.tenants as [string, string];
  const owner = new pg.Client({ connectionString: bench.database.url });
  await owner.connect();
  const out: Outcome[] = [];
  try {
    const { plain, rls, both } = bench.clients;

    // (a) Row move: a fresh row of tenant A per case, so no case sees another's result.
    const movers: [string, () => Updater][] = [
      ['zenstack + tenant policy', () => zs.policy.$setAuth({ tenantId: a }) as unknown as Updater],
      ['zenstack + policy + post-update', () => zs.postUpdate.$setAuth({ tenantId: a }) as unknown as Updater],
      ['extension', () => plain.forTenant(a) as unknown as Updater],
      ['rls (TenantPool)', () => rls.forTenant(a) as unknown as Updater],
      ['both (TenantPool)', () => both.forTenant(a) as unknown as Updater],
    ];
    for (const [name, client] of movers) {
      const id = `probe-${randomUUID()}`;
      await owner.query('insert into "Item" (id, "tenantId", name) values ($1, $2, $1)', [id, a]);
      let outcome: string;
      try {
        await client().item.update({ where: { id }, data: { tenantId: b } });
        outcome = '';
      } catch (error) {
        outcome = `refused (${short(error)})`;
      }
      const now = (await owner.query('select "tenantId" from "Item" where id = $1', [id])).rows[0]?.tenantId;
      if (now === b) outcome = `MOVED to tenant B${outcome ? ` despite: ${outcome}` : ''}`;
      else if (!outcome) outcome = 'no error, row unchanged';
      out.push({ case: name, probe: "A sets its row's tenantId to B", outcome });
      await owner.query('delete from "Item" where id = $1', [id]);
    }

    // (b) No tenant set: ZenStack without $setAuth; Tenantry's `db` outside withTenant.
    const readers: [string, () => Reader][] = [
      ['zenstack + tenant policy', () => zs.policy as unknown as Reader],
      ['extension', () => plain.db as unknown as Reader],
      ['rls (TenantPool)', () => rls.db as unknown as Reader],
      ['both (TenantPool)', () => both.db as unknown as Reader],
    ];
    for (const [name, client] of readers) {
      let outcome: string;
      try {
        const rows = await client().item.findMany({ take: 5 });
        outcome = rows.length === 0 ? 'returned [] silently' : `returned ${rows.length} rows`;
      } catch (error) {
        outcome = `threw (${short(error)})`;
      }
      out.push({ case: name, probe: 'findMany with no tenant set', outcome });
    }

    // (c) Raw SQL through a tenant's client: which rows can it count?
    const total = Number((await owner.query('select count(*)::int as n from "Item"')).rows[0].n);
    const mine = Number(
      (await owner.query('select count(*)::int as n from "Item" where "tenantId" = $1', [a])).rows[0].n,
    );
    const raws: [string, () => Raw][] = [
      ['zenstack + tenant policy', () => zs.policy.$setAuth({ tenantId: a }) as unknown as Raw],
      ['extension', () => plain.forTenant(a) as unknown as Raw],
      ['rls (TenantPool)', () => rls.forTenant(a) as unknown as Raw],
      ['both (TenantPool)', () => both.forTenant(a) as unknown as Raw],
    ];
    for (const [name, client] of raws) {
      let outcome: string;
      try {
        const rows = (await client().$queryRawUnsafe('select count(*)::int as n from "Item"')) as { n: number }[];
        const n = Number(rows[0]?.n);
        outcome =
          n === mine ? `ran; saw only A's ${n} rows` : n === total ? `ran; saw ALL ${n} rows` : `ran; saw ${n} rows`;
      } catch (error) {
        outcome = `refused (${short(error)})`;
      }
      out.push({ case: name, probe: 'raw SQL count(*) as tenant A', outcome });
    }
  } finally {
    await owner.end();
  }
  return out;
}

export function formatSemantics(outcomes: Outcome[]): string {
  const w = Math.max(...outcomes.map((o) => o.case.length));
  const lines: string[] = [];
  let probe = '';
  for (const o of outcomes) {
    if (o.probe !== probe) {
      probe = o.probe;
      lines.push(`${probe}:`);
    }
    lines.push(`  ${o.case.padEnd(w)}  ${o.outcome}`);
  }
  return lines.join('\n');
}

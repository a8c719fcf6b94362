/**
 * Lists tenant-owned tables (a "tenantId" column) that are missing ENABLE, FORCE or the
 * tenant_isolation policy. Used by tests/isolation/rls.test.ts so a new tenant-owned model whose
 * migration forgot `SELECT tenantry_enable_rls();` fails CI.
 */
import type pg from 'pg';

export type RlsGap = { table: string; enabled: boolean; forced: boolean; policy: boolean };

export async function findRlsGaps(client: Pick<pg.Client, 'query'>): Promise<RlsGap[]> {
  const { rows } = await client.query<RlsGap>(`
    select c.relname as "table", c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
           exists (select 1 from pg_policies p where p.schemaname = n.nspname and p.tablename = c.relname
                   and p.policyname = 'tenant_isolation') as policy
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r'
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenantId' and not a.attisdropped)
    order by c.relname`);
  return rows.filter((r) => !r.enabled || !r.forced || !r.policy);
}

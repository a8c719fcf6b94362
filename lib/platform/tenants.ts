/**
 * The operator console's reads: every tenant, searchable and sortable, and one tenant in detail.
 * Crossing tenants is the console's purpose, so these run on the owner connection; every caller is
 * behind `requireOperator` (lib/platform/operator-session.ts).
 */
import { withoutTenant } from '@/lib/db';
import { tenantModelGraph } from '@/lib/db';
import { listAudit, type AuditEntry } from '@/lib/audit';
import { type TenantJobs, tenantJobs } from '@/lib/jobs/tenant-jobs';
import { ownerQuery } from '@/lib/lifecycle/sql';
import { quoteIdent, tenantTables } from '@/lib/lifecycle/tables';

export const TENANT_SORTS = ['name', 'slug', 'plan', 'members', 'created', 'activity'] as const;
export type TenantSort = (typeof TENANT_SORTS)[number];

const ORDER: Record<TenantSort, string> = {
  name: 't."name"',
  slug: 't."slug"',
  plan: `(t."settings"->>'plan')`,
  members: '"members"',
  created: 't."createdAt"',
  activity: '"lastActivity"',
};

export type TenantListRow = {
  id: string;
  slug: string;
  name: string;
  plan: string | null;
  members: number;
  createdAt: Date;
  lastActivity: Date | null;
  suspendedAt: Date | null;
  purgeAfter: Date | null;
};

export type TenantListQuery = { q?: string; sort?: TenantSort; dir?: 'asc' | 'desc'; page?: number; pageSize?: number };

export function parseTenantListQuery(params: Record<string, string | string[] | undefined>): Required<TenantListQuery> {
  const one = (k: string) => {
    const v = params[k];
    return (Array.isArray(v) ? v[0] : v) ?? '';
  };
  const sort = (TENANT_SORTS as readonly string[]).includes(one('sort')) ? (one('sort') as TenantSort) : 'created';
  const dir = one('dir') === 'asc' ? 'asc' : 'desc';
  const page = Math.max(1, Math.trunc(Number(one('page'))) || 1);
  return { q: one('q').trim().slice(0, 100), sort, dir, page, pageSize: 25 };
}

export async function listTenants(query: TenantListQuery = {}): Promise<{ rows: TenantListRow[]; total: number }> {
  const { q = '', sort = 'created', dir = 'desc', page = 1, pageSize = 25 } = query;
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = `($1 = '' OR t."name" ILIKE $2 OR t."slug" ILIKE $2)`;
  const size = Math.min(Math.max(Math.trunc(pageSize), 1), 100);
  const offset = (Math.max(1, Math.trunc(page)) - 1) * size;
  const rows = await ownerQuery<TenantListRow>(
    `SELECT t."id", t."slug", t."name", t."settings"->>'plan' AS "plan", t."createdAt", t."suspendedAt", t."purgeAfter",
       (SELECT count(*)::int FROM "Membership" m WHERE m."tenantId" = t."id") AS "members",
       (SELECT max(a."createdAt") FROM "AuditLog" a WHERE a."tenantId" = t."id") AS "lastActivity"
     FROM "Tenant" t WHERE ${where}
     ORDER BY ${ORDER[sort]} ${dir === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, t."id"
     LIMIT ${size} OFFSET ${offset}`,
    q,
    like,
  );
  const total = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS "n" FROM "Tenant" t WHERE ${where}`, q, like);
  return { rows, total: total[0]?.n ?? 0 };
}

export type TenantDetail = {
  tenant: TenantListRow & { suspendedReason: string | null; deletionRequestedAt: Date | null; settings: unknown };
  members: { userId: string; email: string; name: string | null; role: string; createdAt: Date }[];
  usage: Record<string, number>;
  audit: AuditEntry[];
  /** Null when this database has no job queue yet (no worker ever started). */
  jobs: TenantJobs | null;
};

export async function findTenantBySlug(slug: string): Promise<{ id: string; slug: string } | null> {
  return withoutTenant((c) => c.tenant.findUnique({ where: { slug }, select: { id: true, slug: true } }));
}

export async function loadTenantDetail(tenantId: string): Promise<TenantDetail | null> {
  const [tenant] = await ownerQuery<TenantDetail['tenant']>(
    `SELECT t."id", t."slug", t."name", t."settings", t."settings"->>'plan' AS "plan", t."createdAt", t."suspendedAt",
       t."suspendedReason", t."deletionRequestedAt", t."purgeAfter",
       (SELECT count(*)::int FROM "Membership" m WHERE m."tenantId" = t."id") AS "members",
       (SELECT max(a."createdAt") FROM "AuditLog" a WHERE a."tenantId" = t."id") AS "lastActivity"
     FROM "Tenant" t WHERE t."id" = $1`,
    tenantId,
  );
  if (!tenant) return null;
  const members = await ownerQuery<TenantDetail['members'][number]>(
    `SELECT u."id" AS "userId", u."email", u."name", m."role"::text AS "role", m."createdAt"
     FROM "Membership" m JOIN "User" u ON u."id" = m."userId" WHERE m."tenantId" = $1
     ORDER BY m."createdAt", m."id"`,
    tenantId,
  );
  const usage: Record<string, number> = {};
  for (const { model, table } of tenantTables(tenantModelGraph())) {
    const [row] = await ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS "n" FROM ${quoteIdent(table)} WHERE "tenantId" = $1`,
      tenantId,
    );
    usage[model] = row?.n ?? 0;
  }
  const audit = (await listAudit(tenantId, { pageSize: 20 })).entries;
  return { tenant, members, usage, audit, jobs: await tenantJobs(tenantId) };
}

import 'server-only';
import { SUSPENDED_MESSAGE } from '@/lib/auth/suspended';
import { forTenant, withoutTenant } from '@/lib/db';
import { getTenancyConfig } from '@/lib/tenants/config';
import { normalizeSlug } from '@/lib/tenants/slug';
import { API_TENANT_HEADER } from './forwarded-header';
import { hashApiKey, isWellFormedApiKey } from './key';

/**
 * Who is calling the API: `Authorization: Bearer <key>` plus the tenant header (`header.name`,
 * default `X-Tenant-ID`).
 *
 * Invariant: the KEY decides the tenant; the header only has to agree with it.
 * - no key, a malformed, unknown or revoked key → 401;
 * - a valid key whose tenant is not the header's tenant → 403 (a key never reaches another tenant,
 *   whatever the header, the host or the middleware said);
 * - a missing or malformed tenant header → 400;
 * - the key's tenant is suspended → 403 (docs/operations.md).
 * The order matters: a caller without a valid key learns nothing about which tenants exist.
 * This does not rely on the middleware's tenant decision (it may or may not have resolved one for
 * /api paths, depending on the resolver mode); it only needs the client's header value.
 * Tests: tests/accounts/api-keys.test.ts.
 */
export type ApiKeyTenant = { id: string; slug: string; name: string; settings: unknown };

export type ApiKeyAuth =
  | { ok: true; keyId: string; tenant: ApiKeyTenant }
  | { ok: false; status: 400 | 401 | 403; error: string };

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const LAST_USED_RESOLUTION_MS = 60_000;

function bearerToken(headers: Headers): string | null {
  const value = headers.get('authorization');
  if (!value || value.length > 512) return null;
  return BEARER.exec(value)?.[1] ?? null;
}

export async function authenticateApiKey(
  headers: Headers,
  { headerName = getTenancyConfig().header.name, now = new Date() }: { headerName?: string; now?: Date } = {},
): Promise<ApiKeyAuth> {
  const key = bearerToken(headers);
  if (!key) return { ok: false, status: 401, error: 'Missing API key: send Authorization: Bearer <key>' };
  if (!isWellFormedApiKey(key)) return { ok: false, status: 401, error: 'Invalid API key' };

  // The key names its tenant, so the lookup crosses tenants by design: by hash, nothing else.
  const row = await withoutTenant((client) =>
    client.apiKey.findFirst({
      where: { keyHash: hashApiKey(key) },
      select: {
        id: true,
        revokedAt: true,
        lastUsedAt: true,
        tenant: { select: { id: true, slug: true, name: true, settings: true, suspendedAt: true } },
      },
    }),
  );
  if (!row || row.revokedAt) return { ok: false, status: 401, error: 'Invalid API key' };

  // Direct calls (tests, a proxy.ts without stripping) see the header itself; behind the middleware,
  // which strips x-tenant-* headers, its forwarded copy (see forwarded-header.ts).
  const raw = headers.get(headerName) ?? headers.get(API_TENANT_HEADER);
  const slug = raw && raw.length <= 63 ? normalizeSlug(raw) : null;
  if (!slug) return { ok: false, status: 400, error: `Missing or malformed ${headerName} header` };
  if (slug !== row.tenant.slug) return { ok: false, status: 403, error: 'This API key does not belong to that tenant' };
  // A suspended tenant's keys stay valid (unsuspending restores them) but answer 403 meanwhile.
  if (row.tenant.suspendedAt) return { ok: false, status: 403, error: SUSPENDED_MESSAGE };

  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    // Best effort and coarse (once a minute): bookkeeping must never fail or slow a request much.
    await forTenant(row.tenant.id)
      .apiKey.updateMany({ where: { id: row.id }, data: { lastUsedAt: now } })
      .catch(() => undefined);
  }
  const { suspendedAt: _suspended, ...tenant } = row.tenant;
  return { ok: true, keyId: row.id, tenant };
}

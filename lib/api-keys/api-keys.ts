import 'server-only';
import { forTenant } from '@/lib/db';
import { generateApiKey } from './key';

/**
 * Creating, listing and revoking a tenant's API keys (settings page, `apiKeys.manage`).
 * The plain key leaves this module once, in `createApiKey`'s result; the database keeps its
 * SHA-256 and a display prefix. Tests: tests/accounts/api-keys.test.ts.
 */
export type ApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const SUMMARY = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export async function createApiKey({
  tenantId,
  userId,
  name,
}: {
  tenantId: string;
  userId: string | null;
  name: string;
}) {
  const { key, prefix, keyHash } = generateApiKey();
  const row = await forTenant(tenantId).apiKey.create({
    data: { tenantId, name, prefix, keyHash, createdById: userId },
    select: SUMMARY,
  });
  return { key, apiKey: row as ApiKeySummary };
}

export async function listApiKeys(tenantId: string): Promise<ApiKeySummary[]> {
  return forTenant(tenantId).apiKey.findMany({ select: SUMMARY, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
}

/** True when a live key with that id existed in THIS tenant and is now revoked. */
export async function revokeApiKey(tenantId: string, id: string, now = new Date()): Promise<boolean> {
  const { count } = await forTenant(tenantId).apiKey.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: now },
  });
  return count === 1;
}

import 'server-only';
import { LRUCache } from 'lru-cache';
import { db } from '@/lib/db';
import { singleton } from '@/lib/singleton';
import { TenantInfo } from './tenant-info';

/**
 * Tenants by slug, cached per process. A tenant row changes rarely and is read on every request,
 * so a short TTL bounds staleness across instances while `invalidateTenant` makes this process
 * see its own writes (settings, rename, onboarding) at once. Misses are cached briefly too, so a
 * flood of unknown hosts cannot turn into a flood of queries.
 */
type Entry = { tenant: TenantInfo | null };

// One per process (lib/singleton.ts): `invalidateTenant` from an action must reach the copy pages read.
const cache = singleton('tenants.by-slug', () => new LRUCache<string, Entry>({ max: 1000, ttl: 30_000 }));
const MISS_TTL_MS = 2_000;

function toTenantInfo(row: { id: string; slug: string; name: string; settings: unknown }): TenantInfo {
  const settings = row.settings && typeof row.settings === 'object' && !Array.isArray(row.settings) ? row.settings : {};
  return new TenantInfo({
    id: row.id,
    slug: row.slug,
    name: row.name,
    settings: settings as Record<string, unknown>,
    raw: row,
  });
}

export async function loadTenantBySlug(slug: string): Promise<TenantInfo | null> {
  const hit = cache.get(slug);
  if (hit) return hit.tenant;
  const row = await db.tenant.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, settings: true, createdAt: true },
  });
  const tenant = row ? toTenantInfo(row) : null;
  cache.set(slug, { tenant }, tenant ? undefined : { ttl: MISS_TTL_MS });
  return tenant;
}

/** Call after any write to a tenant row (or after creating one) so this process reloads it. */
export function invalidateTenant(slug: string): void {
  cache.delete(slug);
}

import 'server-only';
import { db } from '@/lib/db';
import { readTenantSettings, type SettingsFormInput, type TenantSettings } from './schema';

/**
 * Saving the settings form into `Tenant.name` and `Tenant.settings`. Explicit inputs, so the rules
 * are tested without a request (tests/accounts/settings.test.ts):
 * - keys this form does not own are kept, so other features can store settings beside ours;
 * - the plan is not among them: it lives in the Subscription row and changes only through
 *   billing (lib/billing). A legacy `plan` key in the column is dropped on save, so nothing can
 *   mistake it for the plan.
 * The caller invalidates the tenant cache (`invalidateTenant(slug)`).
 */
export type SettingsResult =
  | { ok: true; slug: string; settings: TenantSettings; changed: string[] }
  | { ok: false; field?: keyof SettingsFormInput; error: string };

type Input = { tenantId: string; input: SettingsFormInput };

export async function loadSettings(
  tenantId: string,
): Promise<{ name: string; slug: string; settings: TenantSettings } | null> {
  const row = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { name: true, slug: true, settings: true },
  });
  return row ? { name: row.name, slug: row.slug, settings: readTenantSettings(row.settings) } : null;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
}

export async function updateSettings({ tenantId, input }: Input): Promise<SettingsResult> {
  const row = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { name: true, slug: true, settings: true },
  });
  if (!row) return { ok: false, error: 'Not found' };
  const current = readTenantSettings(row.settings);

  const next: TenantSettings = {
    theme: input.theme,
    features: input.features,
    ...(input.logoUrl ? { logoUrl: input.logoUrl } : {}),
  };
  const stored = asRecord(row.settings);
  delete stored.logoUrl;
  delete stored.plan;
  const merged = { ...stored, ...next };
  const changed = [
    ...(row.name !== input.name ? ['name'] : []),
    ...(Object.keys({ ...current, ...next }) as (keyof TenantSettings)[]).filter(
      (key) => JSON.stringify(current[key]) !== JSON.stringify(next[key]),
    ),
  ];
  await db.tenant.update({
    where: { id: tenantId },
    data: { name: input.name, settings: merged },
    select: { id: true },
  });
  return { ok: true, slug: row.slug, settings: next, changed };
}

import type { TenantInfo } from '@/lib/tenants/tenant-info';
import { type FeatureId, readTenantSettings } from './schema';

/**
 * Is a feature switched on for this tenant (Settings → Features)? A switched-off feature is gone,
 * not greyed out: its nav entry is hidden, its pages are a 404 and its actions refuse — the page
 * and action checks are the wall, the nav only follows them. Pure: it reads the settings the
 * tenant was loaded with. Tests: tests/documents/documents-actions.test.ts.
 */
export function featureEnabled(tenant: Pick<TenantInfo, 'settings'>, feature: FeatureId): boolean {
  return readTenantSettings(tenant.settings).features.includes(feature);
}

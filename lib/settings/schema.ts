import { z } from 'zod';

/**
 * What a tenant can configure, and the shape stored in `Tenant.settings` (JSON). One schema for
 * the settings form and for reading the column back, so a value that fails here never reaches the
 * layout (theme, logo). The plan is not a setting: it changes only through billing
 * (lib/billing), and a `plan` key sent to this form is dropped by the schema.
 */
export const THEMES = ['light', 'dark'] as const;
/** A fixed list: features are switched on per tenant, never invented by a form. */
export const FEATURES = [
  { id: 'items', label: 'Items' },
  { id: 'documents', label: 'Documents' },
  { id: 'presence', label: 'Live presence' },
  { id: 'api', label: 'API access' },
] as const;

export type Theme = (typeof THEMES)[number];
export type FeatureId = (typeof FEATURES)[number]['id'];

const featureIds = FEATURES.map((f) => f.id) as [FeatureId, ...FeatureId[]];

/** https only: an http logo would be mixed content, and javascript:/data: URLs are never images we trust. */
export const httpsUrl = z
  .string()
  .trim()
  .max(2048, 'Keep the URL under 2048 characters.')
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Use an https:// URL.');

export const tenantSettingsSchema = z.object({
  theme: z.enum(THEMES).default('light'),
  logoUrl: httpsUrl.optional(),
  // A tenant that never saved the form has every feature on.
  features: z.array(z.enum(featureIds)).default([...featureIds]),
});

export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

export const DEFAULT_SETTINGS: TenantSettings = tenantSettingsSchema.parse({});

/** Reads a stored settings column; anything invalid falls back to the defaults, key by key. */
export function readTenantSettings(stored: unknown): TenantSettings {
  const input =
    stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(tenantSettingsSchema.shape) as (keyof TenantSettings)[]) {
    const field = tenantSettingsSchema.shape[key].safeParse(input[key]);
    out[key] = field.success ? field.data : DEFAULT_SETTINGS[key];
  }
  return out as TenantSettings;
}

/** The settings form: name lives on the Tenant row, the rest in `settings`. Empty logo = no logo. */
export const settingsFormSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(80, 'Keep the name under 80 characters.'),
  theme: z.enum(THEMES, { error: 'Choose light or dark.' }),
  logoUrl: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), httpsUrl.optional()),
  features: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(featureIds, { error: 'Unknown feature.' })),
  ),
});

export type SettingsFormInput = z.infer<typeof settingsFormSchema>;

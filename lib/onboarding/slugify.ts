import { SLUG_MAX_LENGTH } from '@/lib/tenants/slug';

/**
 * A slug suggestion from an organisation name: "Café Müller & Co." → "cafe-muller-co". Only a
 * suggestion: the server validates whatever the user submits with `validateNewSlug`. Pure and
 * browser-safe (the onboarding form calls it on every keystroke).
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '');
}

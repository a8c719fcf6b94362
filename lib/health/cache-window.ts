/** How long one health probe answers every caller (lib/health/checks.ts). Edge-safe constant, also read by tests. */
export const HEALTH_CACHE_MS = 2_000;

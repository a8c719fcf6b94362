/**
 * Runs once when a Next server starts: validate the environment and the tenancy config so a bad
 * value stops startup with a clear message instead of failing on the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('@/lib/env/validate-at-startup');
}

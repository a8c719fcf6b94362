/**
 * Runs once when a Next server starts: validate the environment and the tenancy config so a bad
 * value stops startup with a clear message instead of failing on the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { parseServerEnv } = await import('./lib/env/server-env');
  const { getTenancyConfig } = await import('./lib/tenants/config');
  try {
    parseServerEnv();
    getTenancyConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

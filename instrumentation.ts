/**
 * Runs once when a Next server starts: validate the environment and the tenancy config so a bad
 * value stops startup with a clear message instead of failing on the first request.
 */
export async function register(): Promise<void> {
  // The one process.env read outside lib/env: Next replaces this literal at build time, which keeps
  // the Node-only module (process.exit) out of the edge bundle.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { validateAtStartup } = await import('@/lib/env/validate-at-startup');
    validateAtStartup();
  }
}

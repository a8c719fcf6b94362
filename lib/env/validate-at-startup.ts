import { getTenancyConfig } from '@/lib/tenants/config';
import { type EnvKey, parseEnv } from './index';
import { REQUIRED_IN_PRODUCTION } from './schema';

/**
 * Validates the environment and the tenancy config when a process starts, so a bad value stops it
 * with a message naming the key instead of failing on the first request. Called by
 * instrumentation.ts (Next, Node runtime only: process.exit does not exist on the edge) and by
 * realtime-server/server.ts (the sidecar, which needs other variables in production).
 */
export function validateAtStartup(requiredInProduction: readonly EnvKey[] = REQUIRED_IN_PRODUCTION): void {
  try {
    parseEnv(undefined, { requiredInProduction });
    getTenancyConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

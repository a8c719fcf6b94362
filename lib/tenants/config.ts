import tenancy from '@/tenancy.config';
import { defineTenancy, isTenancyConfig, type TenancyConfig, type TenancyInput } from './define-tenancy';

export * from './define-tenancy';
export { ENV_VARS, type EnvSource, SHARED_REDIS_ENV } from './config-env';

let active: TenancyConfig | undefined;

/**
 * The app's config: `tenancy.config.ts`, validated once (its `defineTenancy` call runs when the
 * module loads, so a bad value stops startup) and memoised. `tenancy.config.ts` imports
 * `define-tenancy.ts`, not this file, to keep the import graph free of cycles.
 */
export function getTenancyConfig(): TenancyConfig {
  active ??= isTenancyConfig(tenancy) ? tenancy : defineTenancy(tenancy as TenancyInput);
  return active;
}

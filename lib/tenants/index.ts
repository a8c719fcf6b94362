// The edge-safe public face of lib/tenants. Server helpers: lib/tenants/server.ts; client: lib/tenants/context.tsx.
export {
  defineTenancy,
  getTenancyConfig,
  isTenancyConfig,
  TENANCY_DEFAULTS,
  TenancyConfigError,
  type Backend,
  type DefineTenancyOptions,
  type EnvSource,
  type TenancyConfig,
  type TenancyInput,
} from './config';
export { isTrustedOnlyHeader, stripTenantHeaders, TENANT_SLUG_HEADER, TENANT_VIA_HEADER } from './headers';
export {
  chainedResolver,
  customResolver,
  DEFAULT_TENANT_CLAIM,
  getTenantResolver,
  headerResolver,
  pathResolver,
  type ResolverConfig,
  resolveTenant,
  sessionResolver,
  subdomainResolver,
} from './resolvers';
export {
  isReservedSlug,
  isValidSlug,
  normalizeSlug,
  RESERVED_SLUGS,
  SLUG_PATTERN,
  type SlugValidation,
  validateNewSlug,
} from './slug';
export { TenantInfo, type TenantInfoInit, type TenantJSON } from './tenant-info';
export type {
  ChainedTenantResolver,
  CustomResolverFn,
  ResolveInput,
  ResolveOutcome,
  ResolverName,
  TenantMatch,
  TenantRef,
  TenantResolver,
  TenantVia,
} from './types';
export { RESOLVER_NAMES } from './types';

import { defineTenancy, isTenancyConfig, type TenancyConfig, type TenancyInput } from '@/lib/tenants/define-tenancy';
import { getTenancyConfig } from '@/lib/tenants/config';
import type {
  ChainedTenantResolver,
  ResolveInput,
  ResolverName,
  TenantMatch,
  TenantResolver,
} from '@/lib/tenants/types';
import { chainedResolver } from './chained';
import { customResolver } from './custom';
import { headerResolver } from './header';
import { inspectWith } from './outcome';
import { pathResolver } from './path';
import { sessionResolver } from './session';
import { subdomainResolver } from './subdomain';

export { chainedResolver } from './chained';
export { customResolver } from './custom';
export { headerResolver } from './header';
export { pathResolver } from './path';
export { DEFAULT_TENANT_CLAIM, sessionResolver } from './session';
export { hostLabels, subdomainResolver } from './subdomain';

/** A config input (merged with defaults, env NOT applied: an explicit argument means what it says) or a built config. */
export type ResolverConfig = TenancyInput | TenancyConfig;

const built = new WeakMap<object, TenancyConfig>();

function toConfig(config: ResolverConfig | undefined): TenancyConfig {
  if (config === undefined) return getTenancyConfig();
  if (isTenancyConfig(config)) return config;
  let result = built.get(config);
  if (!result) {
    result = defineTenancy(config, { env: false });
    built.set(config, result);
  }
  return result;
}

function resolverFor(name: ResolverName, config: TenancyConfig): TenantResolver {
  switch (name) {
    case 'subdomain':
      return subdomainResolver(config.subdomain);
    case 'path':
      return pathResolver(config.path);
    case 'header':
      return headerResolver(config.header);
    case 'session':
      return sessionResolver(config.session);
    case 'custom':
      // defineTenancy guarantees the function exists when 'custom' is named.
      return customResolver(config.custom!);
  }
}

const resolvers = new WeakMap<TenancyConfig, TenantResolver>();

/** The configured resolver: one resolver for one name, a chain (with `.resolvers`) for a list. */
export function getTenantResolver(config?: ResolverConfig): TenantResolver | ChainedTenantResolver {
  const full = toConfig(config);
  let resolver = resolvers.get(full);
  if (!resolver) {
    const list = full.resolvers.map((name) => resolverFor(name, full));
    resolver = list.length === 1 ? list[0]! : chainedResolver(list);
    resolvers.set(full, resolver);
  }
  return resolver;
}

/**
 * The tenant this request selects, or null. When nothing resolves, `defaultTenant` applies
 * (`via: 'default'`) — but not after a resolver failed: an error must not silently become a tenant.
 */
export async function resolveTenant(input: ResolveInput, config?: ResolverConfig): Promise<TenantMatch | null> {
  const full = toConfig(config);
  const outcome = await inspectWith(getTenantResolver(full), input);
  if (outcome.match) return outcome.match;
  if (outcome.failed || full.defaultTenant === null) return null;
  return { slug: full.defaultTenant, via: 'default' };
}

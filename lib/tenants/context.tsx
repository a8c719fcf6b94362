'use client';

import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { TenantInfo, type TenantJSON } from './tenant-info';

type Value = { tenant: TenantInfo | null; contextName: string };

const TenantContext = createContext<Value>({ tenant: null, contextName: 'tenant' });

/** `tenant` is `TenantInfo.toJSON()`: plain data crosses the server/client boundary, no methods. */
type Props = { tenant: TenantJSON | null; contextName?: string; children: ReactNode };

export function TenantProvider({ tenant, contextName = 'tenant', children }: Props) {
  const value = useMemo<Value>(
    () => ({ tenant: tenant ? new TenantInfo(tenant) : null, contextName }),
    [tenant, contextName],
  );
  return <TenantContext.Provider value={value}>{children}</TenantContext.Provider>;
}

/** The current tenant in a client component, or null outside a tenant. */
export function useTenant(): TenantInfo | null {
  return useContext(TenantContext).tenant;
}

/** The tenant under the configured `contextName` (e.g. `{ tenant }` or `{ organisation }`), for spreading into props. */
export function useTenantContext(): Record<string, TenantInfo | null> {
  const { tenant, contextName } = useContext(TenantContext);
  return { [contextName]: tenant };
}

'use client';

import { useEffect, useState } from 'react';
import { publicEnv } from '@/lib/env/public';
import type { PresenceClientMeta } from '@/lib/realtime/protocol';
import { useTenant } from '@/lib/tenants/context';
import { connectPresence, fetchRealtimeToken, type PresenceSnapshot } from './presence-client';

export type { PresenceSnapshot, PresenceStatus } from './presence-client';

export interface UsePresenceOptions {
  /**
   * Sidecar URL. Default: NEXT_PUBLIC_REALTIME_URL, else the `url` the token endpoint returns
   * (REALTIME_PUBLIC_URL), else `<protocol>//<hostname>:3001`.
   */
  url?: string;
  /** Token endpoint; default `/api/realtime/token`. */
  tokenUrl?: string;
}

function fallbackUrl(): string {
  return `${window.location.protocol}//${window.location.hostname}:3001`;
}

/** Live presence under `key` in the current tenant (see presence-client.ts for the connection). */
export function usePresence(
  key: string,
  meta: PresenceClientMeta = {},
  options: UsePresenceOptions = {},
): PresenceSnapshot {
  const tenantId = useTenant()?.id;
  const [snapshot, setSnapshot] = useState<PresenceSnapshot>({
    users: [],
    count: 0,
    status: 'connecting',
    error: null,
  });
  const metaJson = JSON.stringify(meta);
  const { url, tokenUrl } = options;

  useEffect(() => {
    const connection = connectPresence({
      url: url ?? publicEnv.NEXT_PUBLIC_REALTIME_URL,
      fallbackUrl,
      key,
      meta: JSON.parse(metaJson) as PresenceClientMeta,
      tenant: tenantId,
      getToken: () => fetchRealtimeToken(tokenUrl),
      onChange: setSnapshot,
    });
    return () => connection.close();
  }, [key, metaJson, url, tokenUrl, tenantId]);

  return snapshot;
}

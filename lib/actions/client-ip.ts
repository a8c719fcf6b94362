import { env } from '@/lib/env';
import { clientIpFrom } from '@/lib/security/forwarded';

/** The client IP for the audit log and rate limits, by the trusted-hop rule (lib/security/forwarded.ts). */
export function clientIp(h: Headers): string | null {
  return clientIpFrom(h, env.TRUSTED_PROXY_HOPS);
}

import { Resolver } from 'node:dns/promises';
import { env } from '@/lib/env';
import { verificationRecordName } from './hostname';

/**
 * Asks DNS whether `_tenantry.<hostname>` carries the domain's token as a TXT record. The servers
 * come from DNS_RESOLVER (`host:port`) when set, else the system's; tests run a real DNS server on
 * loopback. Any DNS error is "not verified", never an exception.
 */
export type DnsCheck = { ok: true } | { ok: false; error: string };

function resolver(): Resolver {
  const r = new Resolver({ timeout: 3000, tries: 2 });
  if (env.DNS_RESOLVER) r.setServers([env.DNS_RESOLVER]);
  return r;
}

export async function checkTxtRecord(hostname: string, token: string): Promise<DnsCheck> {
  try {
    const records = await resolver().resolveTxt(verificationRecordName(hostname));
    // A long TXT value arrives in 255-byte chunks: join them before comparing.
    if (records.some((chunks) => chunks.join('') === token)) return { ok: true };
    return { ok: false, error: 'The TXT record does not contain this domain’s token' };
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'ERROR';
    return { ok: false, error: code === 'ENOTFOUND' || code === 'ENODATA' ? 'No TXT record found' : `DNS ${code}` };
  }
}

import { domainToASCII, domainToUnicode } from 'node:url';
import { env } from '@/lib/env';
import { appOriginUrl } from '@/lib/urls/app-origin';
import { tenantMainDomain } from '@/lib/urls/tenant-origin';

/**
 * What a tenant may claim as a custom domain. The stored form is the lower-case ASCII (punycode)
 * host without a trailing dot; people see it decoded (`domainToUnicode`). Refused: IP addresses,
 * wildcards, anything that is not a plain DNS name of two or more labels, and the deployment's own
 * names (APP_URL's host, the tenant main domain and everything under them) — a tenant must not
 * claim another tenant's subdomain or the apex. Tests: tests/domains/domains.test.ts.
 */
export type HostnameResult = { ok: true; hostname: string; display: string } | { ok: false; error: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const NUMERIC_TLD = /^(?:\d+|0x[0-9a-f]*)$/;

function under(name: string, parent: string): boolean {
  return parent !== '' && (name === parent || name.endsWith(`.${parent}`));
}

export function normalizeHostname(raw: string): HostnameResult {
  const input = raw.trim().toLowerCase().replace(/\.$/, '');
  if (input === '') return { ok: false, error: 'Enter a domain name' };
  if (input.includes('*')) return { ok: false, error: 'Wildcard domains are not supported' };
  if (/[\s/:@?#[\]\\]/.test(input)) return { ok: false, error: 'Enter a host name only, like app.example.com' };
  const ascii = domainToASCII(input);
  if (ascii === '' || ascii.length > 253) return { ok: false, error: 'That is not a valid domain name' };
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)))
    return { ok: false, error: 'That is not a valid domain name' };
  if (NUMERIC_TLD.test(labels[labels.length - 1]!)) return { ok: false, error: 'IP addresses are not supported' };
  if (labels[labels.length - 1] === 'localhost') return { ok: false, error: 'That is not a public domain name' };
  const apex = appOriginUrl().hostname.toLowerCase();
  if (under(ascii, apex) || under(ascii, tenantMainDomain()))
    return { ok: false, error: 'That name belongs to this service; use a domain of your own' };
  return { ok: true, hostname: ascii, display: domainToUnicode(ascii) || ascii };
}

/** The decoded form of a stored (punycode) host name, for display. */
export function displayHostname(hostname: string): string {
  return domainToUnicode(hostname) || hostname;
}

/** Where the TXT record proving ownership lives. */
export function verificationRecordName(hostname: string): string {
  return `_tenantry.${hostname}`;
}

/** Where a custom domain's CNAME points: CUSTOM_DOMAIN_TARGET, else the deployment's own host. */
export function cnameTarget(): string {
  return env.CUSTOM_DOMAIN_TARGET ?? appOriginUrl().hostname;
}

import { toSlug } from '@/lib/tenants/slug';
import type { TenantResolver } from '@/lib/tenants/types';
import { makeResolver, matched, NO_MATCH } from './outcome';

/**
 * Subdomain resolver: `acme.example.com` → `acme`.
 * Invariants: only a host's FIRST label can name a tenant, and only when it stands directly in
 * front of the main domain on a label boundary (`evilexample.com` is not under `example.com`,
 * `a.b.example.com` is nothing); IP addresses, excluded labels, non-ASCII and oversized hosts are
 * never tenants. Without `mainDomain`: the first label of a host of 3+ labels, or `<label>.localhost`.
 * Tests: lib/tenants/resolvers/subdomain.test.ts.
 */
export type SubdomainOptions = { exclude?: readonly string[]; mainDomain?: string | null };

const MAX_HOST_LENGTH = 253;
const HOST_CHARS = /^[a-z0-9.-]+$/;
const NUMERIC_LABEL = /^(?:\d+|0x[0-9a-f]*)$/; // WHATWG URL: a numeric last label makes the host an IPv4 address

/** The host's labels (lower-case, port and trailing dot removed), or null for an IP address or anything malformed. */
export function hostLabels(host: string): string[] | null {
  if (typeof host !== 'string' || host.length > MAX_HOST_LENGTH + 6 || host.startsWith('[')) return null;
  let name = host;
  const colon = host.indexOf(':');
  if (colon !== -1) {
    // A second colon means a bare IPv6 address (or garbage); the port must be digits.
    if (host.indexOf(':', colon + 1) !== -1 || !/^\d{1,5}$/.test(host.slice(colon + 1))) return null;
    name = host.slice(0, colon);
  }
  name = name.toLowerCase();
  if (name.endsWith('.')) name = name.slice(0, -1);
  if (name === '' || name.length > MAX_HOST_LENGTH || !HOST_CHARS.test(name)) return null;
  const labels = name.split('.');
  if (labels.includes('') || NUMERIC_LABEL.test(labels[labels.length - 1]!)) return null;
  return labels;
}

export function subdomainResolver(options: SubdomainOptions = {}): TenantResolver {
  const exclude = new Set((options.exclude ?? []).map((label) => label.trim().toLowerCase()));
  const main = options.mainDomain
    ? options.mainDomain
        .trim()
        .toLowerCase()
        .replace(/^\.+|\.$/g, '')
        .split('.')
    : null;

  const candidate = (labels: string[]): string | undefined => {
    if (main) {
      if (labels.length !== main.length + 1) return undefined;
      for (let i = 0; i < main.length; i++) if (labels[i + 1] !== main[i]) return undefined;
      return labels[0];
    }
    if (labels.length >= 3) return labels[0];
    if (labels.length === 2 && labels[1] === 'localhost') return labels[0];
    return undefined;
  };

  return makeResolver('subdomain', (input) => {
    const labels = hostLabels(input.host);
    const label = labels ? candidate(labels) : undefined;
    if (label === undefined || exclude.has(label)) return NO_MATCH;
    const slug = toSlug(label);
    return slug ? matched(slug, 'subdomain') : NO_MATCH;
  });
}

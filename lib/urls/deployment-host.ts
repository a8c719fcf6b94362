import { tenantMainDomain } from './tenant-origin';
import { appOriginUrl } from './app-origin';

/**
 * Is a request's Host one of this deployment's? The apex (APP_URL's host), any `*.<main domain>`
 * (tenant subdomains), and whatever a verified-host check says (custom domains: a later table
 * plugs in through `setVerifiedHostCheck`). Loopback names stand for each other when the
 * deployment itself is on loopback (`localhost`, `127.0.0.1`, `[::1]`), as a local browser or
 * probe may use any of them. The port is not compared: links carry the configured one, and a
 * proxy may reach us on another. The middleware answers 421 for anything else, before any page or
 * action runs (issue 10, finding 2). Edge-safe. Tests: lib/urls/urls.test.ts, tests/http/hosts.test.ts.
 */
export type VerifiedHostCheck = (hostname: string) => boolean | Promise<boolean>;

let verifiedHostCheck: VerifiedHostCheck | null = null;

/** Plug in the custom-domain lookup (hosts that share no parent domain with the deployment). */
export function setVerifiedHostCheck(check: VerifiedHostCheck | null): void {
  verifiedHostCheck = check;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The host name of a Host header value (lower-case, port and trailing dot removed), or null. */
export function hostnameOf(host: string): string | null {
  try {
    const name = new URL(`http://${host}`).hostname.toLowerCase();
    return name.endsWith('.') ? name.slice(0, -1) : name;
  } catch {
    return null;
  }
}

export async function isDeploymentHost(host: string | null): Promise<boolean> {
  if (!host) return false;
  const name = hostnameOf(host);
  if (!name) return false;
  const apex = appOriginUrl().hostname.toLowerCase();
  if (name === apex) return true;
  if (LOOPBACK.has(apex) && LOOPBACK.has(name)) return true;
  const main = tenantMainDomain();
  if (main && name.endsWith(`.${main}`)) return true;
  return verifiedHostCheck ? await verifiedHostCheck(name) : false;
}

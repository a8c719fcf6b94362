import 'server-only';
import { appOriginUrl } from '@/lib/urls/app-origin';
import { hostnameOf } from '@/lib/urls/deployment-host';
import { tenantMainDomain } from '@/lib/urls/tenant-origin';
import { normalizeHostname } from './hostname';
import { verifiedDomainOwner, tenantExists } from './queries';
import { verifyLookupSignature, LOOKUP_SIGNATURE_HEADER } from './lookup-signature';

/**
 * The two route handlers about custom hosts.
 *
 * `lookupHandler` — GET /api/internal/domains?host=<name>, called by the middleware only: a valid
 * HMAC of the exact host name (lib/domains/lookup-signature.ts) or 401; then `{ slug }` for a
 * verified domain, else 404. Never cached by anything in between (`no-store`).
 *
 * `askHandler` — GET /api/domains/ask?domain=<name>, Caddy's `on_demand_tls` ask: 200 only for
 * the deployment's apex, an existing tenant's subdomain, or a verified custom domain; 404 for
 * everything else, so nobody can make the proxy request certificates for names we do not serve.
 * Tests: tests/domains/domains-http.test.ts.
 */
const NO_STORE = { 'cache-control': 'no-store' };

function notFound(): Response {
  return new Response('Not Found', { status: 404, headers: NO_STORE });
}

export async function lookupHandler(request: Request): Promise<Response> {
  const host = new URL(request.url).searchParams.get('host') ?? '';
  if (!(await verifyLookupSignature(host, request.headers.get(LOOKUP_SIGNATURE_HEADER))))
    return new Response('Unauthorized', { status: 401, headers: NO_STORE });
  const name = hostnameOf(host);
  if (!name || name !== host) return notFound();
  const slug = await verifiedDomainOwner(name);
  return slug ? Response.json({ slug }, { headers: NO_STORE }) : notFound();
}

export async function askHandler(request: Request): Promise<Response> {
  const raw = new URL(request.url).searchParams.get('domain') ?? '';
  const name = hostnameOf(raw);
  if (!name || raw.includes('/')) return notFound();
  const ok = new Response('OK', { status: 200, headers: NO_STORE });
  if (name === appOriginUrl().hostname.toLowerCase()) return ok;
  const main = tenantMainDomain();
  if (main && name.endsWith(`.${main}`)) {
    const label = name.slice(0, -(main.length + 1));
    return !label.includes('.') && (await tenantExists(label)) ? ok : notFound();
  }
  const custom = normalizeHostname(name);
  if (!custom.ok) return notFound();
  return (await verifiedDomainOwner(custom.hostname)) ? ok : notFound();
}

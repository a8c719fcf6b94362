import { getTenancyConfig } from '@/lib/tenants/config';

const SEEDED = [
  { slug: 'acme', name: 'Acme Corp' },
  { slug: 'globex', name: 'Globex' },
];

function howToReach(mode: string, slug: string, mainDomain: string | null): string {
  switch (mode) {
    case 'subdomain':
      return `http://${slug}.${mainDomain ?? 'localhost'}:3000/dashboard`;
    case 'path':
      return `http://localhost:3000/${slug}/dashboard`;
    case 'header':
      return `curl -H 'X-Tenant-ID: ${slug}' http://localhost:3000/api/tenant`;
    case 'session':
      return `Sign in, then pick "${slug}" in the tenant switcher`;
    default:
      return 'Resolved by your custom resolver';
  }
}

export default function LandingPage() {
  const config = getTenancyConfig();
  const mode = config.resolvers[0] ?? 'subdomain';
  return (
    <main className="mx-auto max-w-3xl p-8 space-y-6">
      <h1 className="text-4xl font-bold">Tenantry</h1>
      <p className="text-lg">
        A multi-tenant SaaS starter for Next.js. Every request belongs to an organisation, resolved at the edge; data is
        isolated by a Prisma extension and Postgres row-level security; people in the same organisation see each other
        live.
      </p>
      <section>
        <h2 className="text-2xl font-semibold mb-2">Try the seeded tenants</h2>
        <p className="mb-2">
          Resolver mode: <code>{config.resolvers.join(', ')}</code>. Sign in as <code>alice@acme.test</code>,{' '}
          <code>bob@globex.test</code> or <code>carol@both.test</code> with the password <code>password</code>.
        </p>
        <ul className="list-disc pl-6">
          {SEEDED.map((t) => (
            <li key={t.slug}>
              {t.name}: <code>{howToReach(mode, t.slug, config.subdomain.mainDomain)}</code>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}

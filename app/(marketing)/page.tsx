import { ArrowRight, Building2, Radio, ShieldCheck } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { landingPath } from '@/lib/auth/landing';
import { getSessionUser } from '@/lib/auth/session';
import { unlessDatabaseUnavailable } from '@/lib/http/database-unavailable';
import { seededTenantLinks } from '@/lib/marketing/seeded-links';

const POINTS = [
  {
    icon: Building2,
    title: 'Every request has a tenant',
    text: 'Resolved at the edge from the subdomain, the path, a header or the session.',
  },
  {
    icon: ShieldCheck,
    title: 'Isolation in two walls',
    text: 'A Prisma extension scopes every query; Postgres row-level security backs it up.',
  },
  {
    icon: Radio,
    title: 'Live presence',
    text: 'People in the same organisation see who else is on a page, within a second.',
  },
];

/** The product's front door: what it is, and the way in (sign in / sign up, or straight to your organisation). */
export default async function LandingPage() {
  const user = await unlessDatabaseUnavailable(() => getSessionUser());
  const [home, seeded] = await Promise.all([
    user ? unlessDatabaseUnavailable(() => landingPath(user.id, undefined)) : null,
    seededTenantLinks(),
  ]);

  return (
    <div className="min-h-screen">
      <header className="flex items-center gap-2 border-b border-border px-4 py-3 sm:px-8">
        <span className="mr-auto text-lg font-semibold tracking-tight">Tenantry</span>
        <ThemeToggle />
        {user ? null : (
          <Button asChild variant="ghost" size="sm">
            <Link href="/login">Sign in</Link>
          </Button>
        )}
      </header>
      <main className="mx-auto max-w-4xl space-y-12 px-4 py-12 sm:px-8 sm:py-16">
        <section className="space-y-6">
          <h1 className="text-4xl font-bold tracking-tight text-balance sm:text-5xl">
            The multi-tenant SaaS starter your customers will trust.
          </h1>
          <p className="max-w-2xl text-lg text-muted-foreground">
            Organisations, members and roles, invitations, an audit log and API keys on Next.js — with every query
            scoped to its tenant, twice.
          </p>
          <div className="flex flex-wrap gap-3">
            {user ? (
              <Button asChild size="lg">
                <a href={home ?? '/onboarding'} data-testid="go-to-organisation">
                  Go to your organisation <ArrowRight aria-hidden="true" />
                </a>
              </Button>
            ) : (
              <>
                <Button asChild size="lg">
                  <Link href="/signup">
                    Create an account <ArrowRight aria-hidden="true" />
                  </Link>
                </Button>
                <Button asChild size="lg" variant="outline">
                  <Link href="/login">Sign in</Link>
                </Button>
              </>
            )}
          </div>
          {user ? <p className="text-sm text-muted-foreground">Signed in as {user.email}.</p> : null}
        </section>

        <section aria-labelledby="why" className="grid gap-4 sm:grid-cols-3">
          <h2 id="why" className="sr-only">
            Why Tenantry
          </h2>
          {POINTS.map(({ icon: Icon, title, text }) => (
            <Card key={title}>
              <CardHeader>
                <Icon className="size-5 text-primary" aria-hidden="true" />
                <CardTitle>
                  <h3 className="leading-snug font-semibold">{title}</h3>
                </CardTitle>
                <CardDescription>{text}</CardDescription>
              </CardHeader>
            </Card>
          ))}
        </section>

        <section className="space-y-3" aria-labelledby="try">
          <h2 id="try" className="text-2xl font-semibold tracking-tight">
            Try the seeded organisations
          </h2>
          <p className="text-muted-foreground">
            Resolver mode: <code>{seeded.resolvers.join(', ')}</code>. Sign in as <code>alice@acme.test</code>,{' '}
            <code>bob@globex.test</code> or <code>carol@both.test</code> with the password <code>password</code>.
          </p>
          <Card>
            <CardContent>
              <ul className="grid gap-2" data-testid="seeded-links">
                {seeded.links.map((t) => (
                  <li key={t.slug} className="flex flex-wrap items-baseline gap-x-2 break-all">
                    <span className="font-medium">{t.name}:</span>
                    {t.href ? (
                      <a className="text-primary underline underline-offset-4" href={t.href}>
                        {t.hint}
                      </a>
                    ) : (
                      <code className="text-sm">{t.hint}</code>
                    )}
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
        </section>
      </main>
    </div>
  );
}

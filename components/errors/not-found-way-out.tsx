import { Building2, Plus } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';

type Props = { signedIn: boolean; organisations: { id: string; name: string; href: string | null }[] };

/** The body of the app-wide 404: what happened, and where to go instead. */
export function NotFoundWayOut({ signedIn, organisations }: Props) {
  const reachable = organisations.filter((o): o is { id: string; name: string; href: string } => o.href !== null);
  return (
    <div className="flex min-h-screen flex-col items-center gap-6 bg-muted/40 px-4 py-10 sm:py-16">
      <Link href="/" className="text-lg font-semibold tracking-tight">
        Tenantry
      </Link>
      <main className="w-full max-w-md" data-testid="not-found">
        <Card>
          <CardHeader>
            <CardTitle>
              <h1 className="text-xl font-semibold">Not found</h1>
            </CardTitle>
            <CardDescription>There is nothing here, or you do not have access to it.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            {signedIn ? (
              <>
                {reachable.length > 0 ? (
                  <nav aria-label="Your organisations" className="space-y-2">
                    <p className="text-sm font-medium">Go to one of your organisations:</p>
                    <ul className="grid gap-2">
                      {reachable.map((o) => (
                        <li key={o.id}>
                          <Button asChild variant="outline" className="w-full justify-start">
                            <a href={o.href}>
                              <Building2 aria-hidden="true" /> {o.name}
                            </a>
                          </Button>
                        </li>
                      ))}
                    </ul>
                  </nav>
                ) : null}
                <Button asChild variant={reachable.length > 0 ? 'ghost' : 'default'} className="w-full">
                  <a href="/onboarding">
                    <Plus aria-hidden="true" /> Create an organisation
                  </a>
                </Button>
              </>
            ) : (
              <div className="flex flex-wrap gap-2">
                <Button asChild>
                  <a href="/login">Sign in</a>
                </Button>
                <Button asChild variant="outline">
                  <Link href="/">Home</Link>
                </Button>
              </div>
            )}
          </CardContent>
        </Card>
      </main>
    </div>
  );
}

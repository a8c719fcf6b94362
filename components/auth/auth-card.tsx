import Link from 'next/link';
import type { ReactNode } from 'react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';

type Props = { title: string; description?: ReactNode; children: ReactNode };

/** The frame of the pages outside a tenant (sign in, sign up, onboarding, invitations): product name, one card. */
export function AuthCard({ title, description, children }: Props) {
  return (
    <div className="flex min-h-screen flex-col items-center gap-6 bg-muted/40 px-4 py-10 sm:py-16">
      <Link href="/" className="text-lg font-semibold tracking-tight">
        Tenantry
      </Link>
      <main className="w-full max-w-sm">
        <Card>
          <CardHeader>
            <CardTitle>
              <h1 className="text-xl font-semibold">{title}</h1>
            </CardTitle>
            {description ? <CardDescription>{description}</CardDescription> : null}
          </CardHeader>
          <CardContent className="space-y-6">{children}</CardContent>
        </Card>
      </main>
    </div>
  );
}

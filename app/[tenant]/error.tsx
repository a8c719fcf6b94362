'use client';

import { RotateCw } from 'lucide-react';
import { Button } from '@/components/ui/button';

type Props = { error: Error & { digest?: string }; reset: () => void };

/**
 * A tenant page failed: said inside the shell (the nav stays, so there is always a way out),
 * with a retry. The message is generic — server errors reach the browser without details — and
 * the digest lets an operator find the log line.
 */
export default function TenantError({ error, reset }: Props) {
  return (
    <main className="mx-auto w-full max-w-xl space-y-4 px-4 py-10 sm:px-6" data-testid="tenant-error">
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="text-muted-foreground">
        This page could not be shown. Try again; if it keeps failing, pick another page from the menu.
      </p>
      {error.digest ? <p className="text-xs text-muted-foreground">Reference: {error.digest}</p> : null}
      <Button type="button" onClick={reset}>
        <RotateCw aria-hidden="true" /> Try again
      </Button>
    </main>
  );
}

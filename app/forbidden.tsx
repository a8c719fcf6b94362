import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/auth-card';
import { Button } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Forbidden' };

/**
 * Rendered (status 403) by `forbidden()` outside a tenant's shell (lib/auth/guard.ts); inside a
 * tenant, app/[tenant]/forbidden.tsx answers within the shell.
 */
export default function Forbidden() {
  return (
    <AuthCard title="Forbidden">
      <div className="space-y-4" data-testid="forbidden">
        <p>Your role in this organisation does not allow this page. Ask an admin if you need access.</p>
        <Button asChild variant="outline">
          <a href="/">Home</a>
        </Button>
      </div>
    </AuthCard>
  );
}

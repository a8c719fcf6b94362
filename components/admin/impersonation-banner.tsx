import type { Impersonator } from '@/lib/auth/session';
import { stopImpersonation } from './actions';

type Props = { impersonator: Impersonator; email: string };

/** Shown on every page while an operator views the tenant as a member. */
export function ImpersonationBanner({ impersonator, email }: Props) {
  const until = impersonator.expiresAt.toISOString().slice(11, 16);
  return (
    <div
      role="status"
      data-testid="impersonation-banner"
      className="flex flex-wrap items-center gap-3 bg-amber-300 px-6 py-2 text-sm text-zinc-900"
    >
      <strong>
        {impersonator.email} is viewing as {email}
      </strong>
      <span>{impersonator.write ? 'changes allowed' : 'read-only'}</span>
      <span>until {until} UTC</span>
      <form action={stopImpersonation} className="ml-auto">
        <button type="submit" className="rounded border border-zinc-900 px-2 py-0.5">
          Stop impersonating
        </button>
      </form>
    </div>
  );
}

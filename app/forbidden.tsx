import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Forbidden' };

/** Rendered (status 403) by `forbidden()` when a member's role is too low for a page (lib/auth/guard.ts). */
export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl p-8" data-testid="forbidden">
      <h1 className="text-2xl font-semibold">Forbidden</h1>
      <p>Your role in this organisation does not allow this page. Ask an admin if you need access.</p>
    </main>
  );
}

'use client';

import { useEffect } from 'react';
import type { ActionState } from '@/lib/actions/action-state';

/**
 * After an action that returns `data.href`, a FULL navigation there. Not `redirect()` in the
 * action: a same-origin redirect from a server action is rendered without passing through the
 * middleware, so a tenant URL (`/dashboard` on `acme.localhost`, or the session mode's
 * `/dashboard`) would not be rewritten to its tenant and would 404. A full load goes through the
 * middleware like any request; and a subdomain URL is another origin anyway.
 */
export function useNavigateOnSuccess(state: ActionState): void {
  const href = state.ok && state.data && typeof state.data === 'object' && 'href' in state.data ? state.data.href : null;
  useEffect(() => {
    if (typeof href === 'string' && href) window.location.assign(href);
  }, [href]);
}

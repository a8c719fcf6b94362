'use client';

import { useEffect } from 'react';
import type { ActionState } from '@/lib/actions/action-state';

/** After a successful sign-in, a full page load to `data.redirectTo` so the middleware sees the new session. */
export function RedirectOnSuccess({ state }: { state: ActionState }) {
  const target = state.ok && state.data && typeof state.data === 'object' && 'redirectTo' in state.data ? state.data.redirectTo : null;
  useEffect(() => {
    if (typeof target === 'string') window.location.assign(target);
  }, [target]);
  return null;
}

'use client';

import { useEffect } from 'react';
import type { ActionState } from '@/lib/actions/action-state';
import { navigationTarget } from '@/lib/actions/navigate';

/** After an action that returned `data: navigateTo(href)`, a FULL page load there (why: lib/actions/navigate.ts). */
export function useNavigateOnSuccess(state: ActionState): void {
  const href = navigationTarget(state);
  useEffect(() => {
    if (href) window.location.assign(href);
  }, [href]);
}

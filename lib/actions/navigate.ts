import type { ActionState } from '@/lib/actions/action-state';

/**
 * "After success, load this URL": an action returns `data: navigateTo(href)` and the form calls
 * `useNavigateOnSuccess(state)` (components/forms/use-navigate-on-success.ts), which does a FULL
 * page load. Not `redirect()` in the action: Next renders a same-origin action redirect inside the
 * same request, past the middleware, so a tenant URL (`/dashboard` on `acme.localhost`, or the
 * session mode's `/dashboard` chosen by a cookie set in this very action) would not be rewritten
 * to its tenant; a full load goes through the middleware like any request, and a subdomain URL is
 * another origin anyway. One key, `href`, for every action that navigates.
 */
export type NavigateData = { href: string };

export function navigateTo(href: string): NavigateData {
  return { href };
}

/** The URL a successful state asks to navigate to, or null. */
export function navigationTarget(state: ActionState): string | null {
  if (!state.ok || !state.data || typeof state.data !== 'object' || !('href' in state.data)) return null;
  const { href } = state.data;
  return typeof href === 'string' && href !== '' ? href : null;
}

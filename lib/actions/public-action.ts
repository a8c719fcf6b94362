import 'server-only';
/**
 * `publicFormAction` / `publicVoidAction` — the wrapper for the server actions that run before
 * there is a tenant (sign-in, sign-up, magic link, OAuth, onboarding, accepting an invitation,
 * switching tenant): they cannot go through `tenantAction`, but they get the same treatment of
 * forged input. A server action is a public endpoint — anyone can POST any arguments to it — so:
 *   1. the form argument must really be a FormData (a forged call can send a plain object, a string
 *      or nothing): anything else is refused with MALFORMED_MESSAGE, and no body runs;
 *   2. Next's redirect()/notFound() pass through untouched;
 *   3. a database outage is the usual "temporarily unavailable" message;
 *   4. any other throw is logged once as `action failed` with the action's name and answered with a
 *      generic message — never a 500 with a digest for the client to probe.
 * Bodies still validate their fields with zod. Tests: tests/reliability/malformed-input.test.ts.
 */
import type { ActionState } from '@/lib/actions/action-state';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { getRequestLogger } from '@/lib/log/logger';

export const MALFORMED_MESSAGE = 'That request could not be read. Reload the page and try again.';
const UNAVAILABLE = 'The service is temporarily unavailable. Please try again in a moment.';
const FAILED = 'Something went wrong. Please try again.';

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && digest.startsWith('NEXT_');
}

async function settle<T>(name: string, run: () => Promise<T>, fallback: (message: string) => T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    const log = await getRequestLogger({ action: name });
    if (isDatabaseUnavailable(error)) {
      log.error('action failed: database unreachable');
      return fallback(UNAVAILABLE);
    }
    log.error({ err: error }, 'action failed');
    return fallback(FAILED);
  }
}

/** `(prevState, formData) => ActionState` for `useActionState`. */
export function publicFormAction(
  name: string,
  body: (prev: ActionState | null, formData: FormData) => Promise<ActionState>,
): (prev: ActionState | null, formData: FormData) => Promise<ActionState> {
  return async (prev, formData) => {
    if (!(formData instanceof FormData)) return { ok: false, error: MALFORMED_MESSAGE };
    const previous = prev && typeof prev === 'object' ? prev : null;
    return settle(
      name,
      () => body(previous, formData),
      (error): ActionState => ({ ok: false, error }),
    );
  };
}

/** `(formData) => void` for a plain `<form action>` (OAuth buttons, the tenant switcher). */
export function publicVoidAction(
  name: string,
  body: (formData: FormData) => Promise<void>,
): (formData: FormData) => Promise<void> {
  return async (formData) => {
    if (!(formData instanceof FormData)) return;
    return settle(
      name,
      () => body(formData),
      () => undefined,
    );
  };
}

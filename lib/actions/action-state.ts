/** What every server action returns to `useActionState`. Plain data: safe to import from client components. */
export type ActionState =
  | { ok: true; message?: string; data?: unknown }
  | { ok: false; error?: string; fieldErrors?: Record<string, string[]> };

/** The state a form starts with (nothing submitted yet). */
export const initialActionState: ActionState = { ok: true };

'use client';

import { type FormEvent, useActionState, useEffect, useRef, useTransition } from 'react';
import { toast } from '@/components/ui/toaster';
import { type ActionState, initialActionState } from '@/lib/actions/action-state';

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

type Options = {
  /** Show a success toast with the action's message (default true). */
  toastOnSuccess?: boolean;
  /** Clear the form after a success (an "add" form); a failed submit never clears it. */
  resetOnSuccess?: boolean;
  onSuccess?: (state: Extract<ActionState, { ok: true }>) => void;
};

/**
 * A form bound to a server action that respects what the user typed. React resets a form after
 * an `action` runs, so a failed submit would wipe every field; here a hydrated form submits through
 * `onSubmit` (prevented, then dispatched in a transition), which React does not reset, while
 * `action` stays for a submit before hydration. After a failure focus moves to the first field
 * marked `aria-invalid`; after a success the message is toasted.
 */
export function useActionForm(action: FormAction, { toastOnSuccess = true, resetOnSuccess, onSuccess }: Options = {}) {
  const [state, dispatch, pending] = useActionState(action, initialActionState);
  const [, startTransition] = useTransition();
  const ref = useRef<HTMLFormElement>(null);
  const settled = useRef(state);

  useEffect(() => {
    // Only a new result from this form, never the initial state or a re-render.
    if (state === settled.current) return;
    settled.current = state;
    if (state.ok) {
      if (toastOnSuccess && state.message) toast.success(state.message);
      if (resetOnSuccess) ref.current?.reset();
      onSuccess?.(state);
      return;
    }
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state, toastOnSuccess, resetOnSuccess, onSuccess]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : undefined);
    startTransition(() => dispatch(formData));
  };

  return { state, pending, formProps: { ref, action: dispatch, onSubmit, noValidate: true } };
}

/** The first error for `field` in an action's state, for `<Field error=…>`. */
export function fieldError(state: ActionState, field: string): string | undefined {
  return state.ok ? undefined : state.fieldErrors?.[field]?.[0];
}

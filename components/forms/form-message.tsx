import type { ActionState } from '@/lib/actions/action-state';

type Props = { state: ActionState; field?: string; id?: string };

/**
 * The inline message for one field, or (without `field`) the form's overall error. Successes are
 * toasted by `useActionForm`; a form that wants the success inline too gets it here as a status.
 */
export function FormMessage({ state, field, id }: Props) {
  if (!state) return null;
  if (field) {
    const message = state.ok ? undefined : state.fieldErrors?.[field]?.[0];
    return message ? (
      <p id={id} className="text-sm font-medium text-destructive" data-testid={`error-${field}`}>
        {message}
      </p>
    ) : null;
  }
  if (state.ok) {
    return state.message ? (
      <p role="status" className="text-sm text-success">
        {state.message}
      </p>
    ) : null;
  }
  return state.error ? (
    <p role="alert" className="text-sm font-medium text-destructive" data-testid="form-error">
      {state.error}
    </p>
  ) : null;
}

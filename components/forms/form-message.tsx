import type { ActionState } from '@/lib/actions/action-state';

type Props = { state: ActionState; field?: string; id?: string };

/** The inline message for one field, or (without `field`) the form's overall result. */
export function FormMessage({ state, field, id }: Props) {
  if (!state) return null;
  if (field) {
    const message = state.ok ? undefined : state.fieldErrors?.[field]?.[0];
    return message ? (
      <p id={id} role="alert" className="text-sm text-red-600" data-testid={`error-${field}`}>
        {message}
      </p>
    ) : null;
  }
  if (state.ok) {
    return state.message ? (
      <p role="status" className="text-sm text-green-700">
        {state.message}
      </p>
    ) : null;
  }
  return state.error ? (
    <p role="alert" className="text-sm text-red-600" data-testid="form-error">
      {state.error}
    </p>
  ) : null;
}

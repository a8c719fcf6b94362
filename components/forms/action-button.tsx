'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { type ActionState, initialActionState } from '@/lib/actions/action-state';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string;
};

/** A one-button form (hidden fields + inline result) for a server action. */
export function ActionButton({ action, fields, label }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={pending} className="rounded border px-2 py-1 text-sm">
        {label}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

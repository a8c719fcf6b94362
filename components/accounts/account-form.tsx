'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { TextField } from '@/components/forms/text-field';
import { useNavigateOnSuccess } from '@/components/forms/use-navigate-on-success';
import { type ActionState, initialActionState } from '@/lib/actions/action-state';

type Field = { name: string; label: string; type: string; autoComplete: string };
type Props = {
  action: (prev: ActionState | null, formData: FormData) => Promise<ActionState>;
  fields: readonly Field[];
  hidden?: Record<string, string>;
  submit: string;
  pending: string;
};

/** One small form for the account pages (verify, forgot, reset): fields, a hidden token, one button. */
export function AccountForm({ action, fields, hidden = {}, submit, pending: pendingLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  useNavigateOnSuccess(state);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((f) => (
        <TextField
          key={f.name}
          name={f.name}
          label={f.label}
          type={f.type}
          autoComplete={f.autoComplete}
          required
          state={state}
        />
      ))}
      <FormMessage state={state} />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-zinc-900 px-4 py-2 text-white disabled:opacity-50"
      >
        {pending ? pendingLabel : submit}
      </button>
    </form>
  );
}

'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { useNavigateOnSuccess } from '@/components/forms/use-navigate-on-success';
import { type ActionState, initialActionState } from '@/lib/actions/action-state';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  token: string;
  tenantName: string;
};

export function AcceptInvitationForm({ action, token, tenantName }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  useNavigateOnSuccess(state);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="token" value={token} />
      <button type="submit" disabled={pending} className="rounded bg-zinc-900 px-4 py-2 text-white disabled:opacity-50">
        {pending ? 'Joining…' : `Join ${tenantName}`}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

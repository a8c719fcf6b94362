'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { type ActionState, initialActionState } from '@/lib/actions/action-state';
import type { Role } from '@/lib/auth/permissions';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  roles: Role[];
};

/** Invite by email. The link is shown here once (and logged in development); only its hash is stored. */
export function InviteForm({ action, roles }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const link =
    state?.ok && typeof state.data === 'object' && state.data && 'link' in state.data ? String(state.data.link) : null;

  return (
    <form action={formAction} className="space-y-3" noValidate>
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="invite-email" className="block text-sm font-medium">
            Email
          </label>
          <input
            id="invite-email"
            name="email"
            type="email"
            required
            className="rounded border px-3 py-2 text-zinc-900"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="invite-role" className="block text-sm font-medium">
            Role
          </label>
          <select id="invite-role" name="role" defaultValue="MEMBER" className="rounded border px-3 py-2 text-zinc-900">
            {roles.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-zinc-900 px-4 py-2 text-white disabled:opacity-50"
        >
          {pending ? 'Inviting…' : 'Invite'}
        </button>
      </div>
      <FormMessage state={state} field="email" />
      <FormMessage state={state} field="role" />
      <FormMessage state={state} />
      {link ? (
        <p className="text-sm">
          Send this link to the invitee (it is shown only once and expires in 7 days):{' '}
          <code data-testid="invite-link" className="break-all">
            {link}
          </code>
        </p>
      ) : null}
    </form>
  );
}

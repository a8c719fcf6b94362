'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { type ActionState, initialActionState } from '@/lib/actions/action-state';
import type { Role } from '@/lib/auth/permissions';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

type Props = {
  userId: string;
  email: string;
  role: Role;
  roles: Role[];
  changeRole: Action;
  remove: Action;
};

/**
 * Role change and removal for one member. The server re-checks every rule (last owner, no
 * escalation, admins cannot touch owners); the UI only offers what the viewer may grant.
 */
export function MemberControls({ userId, email, role, roles, changeRole, remove }: Props) {
  const [roleState, roleAction, rolePending] = useActionState(changeRole, initialActionState);
  const [removeState, removeAction, removePending] = useActionState(remove, initialActionState);

  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={roleAction} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={userId} />
        <label className="sr-only" htmlFor={`role-${userId}`}>
          Role for {email}
        </label>
        <select
          id={`role-${userId}`}
          name="role"
          defaultValue={role}
          className="rounded border px-2 py-1 text-zinc-900"
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <button type="submit" disabled={rolePending} className="rounded border px-2 py-1 text-sm">
          Save
        </button>
      </form>
      <form
        action={removeAction}
        onSubmit={(e) => {
          if (!window.confirm(`Remove ${email} from this organisation?`)) e.preventDefault();
        }}
      >
        <input type="hidden" name="userId" value={userId} />
        <button
          type="submit"
          disabled={removePending}
          className="rounded border border-red-300 px-2 py-1 text-sm text-red-700"
        >
          Remove
        </button>
      </form>
      <FormMessage state={roleState} />
      <FormMessage state={removeState} />
    </div>
  );
}

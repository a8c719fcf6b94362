'use client';

import { useState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Select } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { toast } from '@/components/ui/toaster';
import type { ActionState } from '@/lib/actions/action-state';
import type { Role } from '@/lib/auth/permissions';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

const ROLE_LABEL: Record<Role, string> = { OWNER: 'Owner', ADMIN: 'Admin', MEMBER: 'Member' };

type Props = {
  userId: string;
  email: string;
  /** The member's role as the server has it now. Render with `key={role}` so a change remounts the control. */
  role: Role;
  roles: Role[];
  changeRole: Action | null;
  remove: Action | null;
};

/**
 * Role change and removal for one member, offered only where the page decided the viewer may act
 * (never on the last owner's own row). The select starts from the server's value and follows it:
 * the page keys this component on the role, so after a save it can never show a stale role that
 * the next Save would write back. The server re-checks every rule.
 */
export function MemberControls({ userId, email, role, roles, changeRole, remove }: Props) {
  const [selected, setSelected] = useState<Role>(role);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const roleForm = useActionForm(changeRole ?? (async () => ({ ok: true })));

  const confirmRemove = async () => {
    if (!remove) return;
    const form = new FormData();
    form.set('userId', userId);
    const result = await remove({ ok: true }, form);
    if (result.ok) toast.success(result.message ?? `Removed ${email}`);
    else setRemoveError(result.error ?? 'Could not remove this member');
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      {changeRole ? (
        <form {...roleForm.formProps} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={userId} />
          <label className="sr-only" htmlFor={`role-${userId}`}>
            Role for {email}
          </label>
          <Select
            id={`role-${userId}`}
            name="role"
            value={selected}
            onChange={(event) => setSelected(event.target.value as Role)}
            className="h-8"
            wrapperClassName="w-32"
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </Select>
          <SubmitButton size="sm" variant="outline" disabled={selected === role}>
            Save
          </SubmitButton>
        </form>
      ) : null}
      {remove ? (
        <ConfirmDialog
          trigger={
            <Button type="button" size="sm" variant="ghost" className="text-destructive">
              Remove
            </Button>
          }
          title={`Remove ${email}?`}
          description="They lose access to this organisation at once. You can invite them again later."
          confirmLabel="Remove"
          onConfirm={confirmRemove}
        />
      ) : null}
      <FormMessage state={roleForm.state} />
      {removeError ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {removeError}
        </p>
      ) : null}
    </div>
  );
}

'use client';

import { FormMessage } from '@/components/forms/form-message';
import { fieldError, useActionForm } from '@/components/forms/use-action-form';
import { CopyButton } from '@/components/ui/copy-button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';
import type { Role } from '@/lib/auth/permissions';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  roles: Role[];
};

const ROLE_LABEL: Record<Role, string> = { OWNER: 'Owner', ADMIN: 'Admin', MEMBER: 'Member' };

/** Invite by email. The link is shown here once, with a Copy button (and logged in development); only its hash is stored. */
export function InviteForm({ action, roles }: Props) {
  const { state, formProps } = useActionForm(action, { resetOnSuccess: true });
  const link =
    state?.ok && typeof state.data === 'object' && state.data && 'link' in state.data ? String(state.data.link) : null;

  return (
    <form {...formProps} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_10rem_auto] sm:items-start">
        <Field label="Email" error={fieldError(state, 'email')}>
          <Input id="invite-email" name="email" type="email" autoComplete="off" required />
        </Field>
        <Field label="Role" error={fieldError(state, 'role')}>
          <Select id="invite-role" name="role" defaultValue="MEMBER">
            {roles.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABEL[role]}
              </option>
            ))}
          </Select>
        </Field>
        <SubmitButton className="sm:mt-[1.375rem]">Invite</SubmitButton>
      </div>
      <FormMessage state={state} />
      {link ? (
        <div className="space-y-2 rounded-md border border-border bg-muted/50 p-3">
          <p className="text-sm">Send this link to the invitee. It is shown only once and expires in 7 days.</p>
          <div className="flex flex-wrap items-center gap-2">
            <code data-testid="invite-link" className="min-w-0 flex-1 text-xs break-all">
              {link}
            </code>
            <CopyButton value={link} label="Copy invite link" />
          </div>
        </div>
      ) : null}
    </form>
  );
}

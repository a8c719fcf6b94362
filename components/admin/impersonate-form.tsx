'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { type ActionState, initialActionState } from '@/lib/actions/action-state';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  tenantId: string;
  members: { userId: string; email: string; role: string }[];
  minutes: number;
};

/** Start viewing the tenant as one of its members: read-only unless write is ticked; a reason is required. */
export function ImpersonateForm({ action, tenantId, members, minutes }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="space-y-3" data-testid="impersonate">
      <input type="hidden" name="tenantId" value={tenantId} />
      <div className="space-y-1">
        <label htmlFor="impersonate-user" className="block text-sm font-medium">
          Member
        </label>
        <Select id="impersonate-user" name="userId" defaultValue="">
          <option value="" disabled>
            Choose a member
          </option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.email} ({m.role.toLowerCase()})
            </option>
          ))}
        </Select>
        <FormMessage state={state} field="userId" />
      </div>
      <div className="space-y-1">
        <label htmlFor="impersonate-reason" className="block text-sm font-medium">
          Reason (recorded, shown to the tenant’s owners)
        </label>
        <input id="impersonate-reason" name="reason" className="w-full rounded border px-3 py-1.5 text-sm" />
        <FormMessage state={state} field="reason" />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="write" /> Allow changes (otherwise read-only)
      </label>
      <Button type="submit" size="sm" pending={pending}>
        View as member for {minutes} minutes
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { Button } from '@/components/ui/button';
import { type ActionState, initialActionState } from '@/lib/actions/action-state';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  tenantId: string;
  label: string;
  /** Ask for a reason (suspension). */
  reason?: boolean;
  variant?: 'default' | 'destructive' | 'outline';
  testId: string;
};

/** One operator action on one tenant: a button, an optional reason, the result inline. */
export function TenantOpForm({ action, tenantId, label, reason = false, variant = 'outline', testId }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const reasonId = `${testId}-reason`;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" data-testid={testId}>
      <input type="hidden" name="tenantId" value={tenantId} />
      {reason ? (
        <div className="space-y-1">
          <label htmlFor={reasonId} className="block text-sm font-medium">
            Reason
          </label>
          <input id={reasonId} name="reason" required className="rounded border px-3 py-1.5 text-sm" />
        </div>
      ) : null}
      <Button type="submit" variant={variant} size="sm" pending={pending}>
        {label}
      </Button>
      <FormMessage state={state} field="reason" />
      <FormMessage state={state} />
    </form>
  );
}

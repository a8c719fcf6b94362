'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { Button } from '@/components/ui/button';
import { type ActionState, initialActionState } from '@/lib/actions/action-state';

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState> };

export function RestoreButton({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="space-y-2" data-testid="restore-tenant">
      <Button type="submit" pending={pending}>
        Restore this workspace
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

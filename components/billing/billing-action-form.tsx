'use client';

import { type ReactNode, useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { useNavigateOnSuccess } from '@/components/forms/use-navigate-on-success';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, initialActionState } from '@/lib/actions/action-state';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** Fields (server-rendered inputs); the submit button comes last. */
  children?: ReactNode;
  submitLabel: string;
  variant?: 'default' | 'outline' | 'destructive';
  testId: string;
};

/**
 * One billing form: its fields, a submit button, the result below it, and a full page load when
 * the action answers with a URL (a checkout, the portal, back to the Billing page).
 */
export function BillingActionForm({ action, children, submitLabel, variant = 'default', testId }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  useNavigateOnSuccess(state);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate data-testid={testId}>
      {children}
      <SubmitButton variant={variant}>{submitLabel}</SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

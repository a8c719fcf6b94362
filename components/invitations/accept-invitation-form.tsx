'use client';

import { FormMessage } from '@/components/forms/form-message';
import { useActionForm } from '@/components/forms/use-action-form';
import { useNavigateOnSuccess } from '@/components/forms/use-navigate-on-success';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  token: string;
  tenantName: string;
};

export function AcceptInvitationForm({ action, token, tenantName }: Props) {
  const { state, formProps } = useActionForm(action, { toastOnSuccess: false });
  useNavigateOnSuccess(state);
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="token" value={token} />
      <SubmitButton className="w-full">{`Join ${tenantName}`}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

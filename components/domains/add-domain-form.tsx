'use client';

import { useRouter } from 'next/navigation';
import { FormMessage } from '@/components/forms/form-message';
import { fieldError, useActionForm } from '@/components/forms/use-action-form';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** Adds a custom domain as pending; the list below then shows the DNS records to create. */
export function AddDomainForm({ action }: { action: Action }) {
  const router = useRouter();
  const { state, formProps } = useActionForm(action, { resetOnSuccess: true, onSuccess: () => router.refresh() });
  return (
    <div className="space-y-2">
      <form {...formProps} className="flex flex-wrap items-end gap-3">
        <Field label="Domain" error={fieldError(state, 'hostname')} className="min-w-0 flex-1 sm:max-w-sm">
          <Input id="domain-hostname" name="hostname" required maxLength={300} placeholder="app.example.com" />
        </Field>
        <SubmitButton>Add domain</SubmitButton>
      </form>
      <FormMessage state={state} />
    </div>
  );
}

'use client';

import { useState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { TextField } from '@/components/forms/text-field';
import { useActionForm } from '@/components/forms/use-action-form';
import { useNavigateOnSuccess } from '@/components/forms/use-navigate-on-success';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';
import { slugify } from '@/lib/onboarding/slugify';

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState> };

/**
 * Name → suggested slug as you type, until the user edits the slug themselves. The suggestion is
 * only a convenience: the server validates format, reserved words and uniqueness.
 */
export function CreateTenantForm({ action }: Props) {
  const { state, formProps } = useActionForm(action, { toastOnSuccess: false });
  useNavigateOnSuccess(state);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);

  return (
    <form {...formProps} className="space-y-4">
      <TextField
        name="name"
        label="Organisation name"
        required
        maxLength={80}
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          if (!slugEdited) setSlug(slugify(e.target.value));
        }}
        state={state}
      />
      <TextField
        name="slug"
        label="Address (slug)"
        required
        maxLength={63}
        value={slug}
        onChange={(e) => {
          setSlug(e.target.value);
          setSlugEdited(true);
        }}
        className="font-mono"
        help="Lower-case letters, digits and hyphens. It appears in your organisation’s address."
        state={state}
      />
      <FormMessage state={state} />
      <SubmitButton className="w-full">Create organisation</SubmitButton>
    </form>
  );
}

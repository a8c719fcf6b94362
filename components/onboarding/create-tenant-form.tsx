'use client';

import { useActionState, useState } from 'react';
import { FormMessage } from '@/components/settings/form-message';
import { type ActionState, initialActionState } from '@/lib/actions/action-state';
import { slugify } from '@/lib/onboarding/slugify';
import { useNavigateOnSuccess } from './use-navigate-on-success';

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState> };

/**
 * Name → suggested slug as you type, until the user edits the slug themselves. The suggestion is
 * only a convenience: the server validates format, reserved words and uniqueness.
 */
export function CreateTenantForm({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  useNavigateOnSuccess(state);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div className="space-y-1">
        <label htmlFor="name" className="block text-sm font-medium">
          Organisation name
        </label>
        <input
          id="name"
          name="name"
          required
          maxLength={80}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            if (!slugEdited) setSlug(slugify(e.target.value));
          }}
          className="w-full rounded border px-3 py-2 text-zinc-900"
          aria-describedby="name-error"
        />
        <FormMessage state={state} field="name" id="name-error" />
      </div>
      <div className="space-y-1">
        <label htmlFor="slug" className="block text-sm font-medium">
          Address (slug)
        </label>
        <input
          id="slug"
          name="slug"
          required
          maxLength={63}
          value={slug}
          onChange={(e) => {
            setSlug(e.target.value);
            setSlugEdited(true);
          }}
          className="w-full rounded border px-3 py-2 font-mono text-zinc-900"
          aria-describedby="slug-help slug-error"
        />
        <p id="slug-help" className="text-xs text-zinc-500">
          Lower-case letters, digits and hyphens. It appears in your organisation’s address.
        </p>
        <FormMessage state={state} field="slug" id="slug-error" />
      </div>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="rounded bg-zinc-900 px-4 py-2 text-white disabled:opacity-50">
        {pending ? 'Creating…' : 'Create organisation'}
      </button>
    </form>
  );
}

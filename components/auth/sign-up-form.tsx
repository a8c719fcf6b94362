'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage } from '@/components/settings/form-message';
import { initialActionState } from '@/lib/actions/action-state';
import { RedirectOnSuccess } from './redirect-on-success';
import { signUp } from './actions';

type Props = { next?: string };

export function SignUpForm({ next }: Props) {
  const [state, action, pending] = useActionState(signUp, initialActionState);
  const fields = [
    { name: 'name', label: 'Name', type: 'text', autoComplete: 'name' },
    { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
    { name: 'password', label: 'Password (8+ characters)', type: 'password', autoComplete: 'new-password' },
  ];
  return (
    <form action={action} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {fields.map((f) => (
        <div key={f.name} className="space-y-1">
          <label htmlFor={f.name} className="block text-sm font-medium">
            {f.label}
          </label>
          <input id={f.name} name={f.name} type={f.type} autoComplete={f.autoComplete} required className="w-full rounded border px-3 py-2 text-zinc-900" />
          <FormMessage state={state} field={f.name} />
        </div>
      ))}
      <FormMessage state={state} />
      <RedirectOnSuccess state={state} />
      <button type="submit" disabled={pending} className="w-full rounded bg-zinc-900 px-4 py-2 text-white disabled:opacity-50">
        {pending ? 'Creating account…' : 'Create account'}
      </button>
      <p className="text-sm">
        Already have an account? <Link className="underline" href={next ? `/login?next=${encodeURIComponent(next)}` : '/login'}>Sign in</Link>
      </p>
    </form>
  );
}

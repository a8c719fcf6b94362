'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { TextField } from '@/components/forms/text-field';
import { useNavigateOnSuccess } from '@/components/forms/use-navigate-on-success';
import { initialActionState } from '@/lib/actions/action-state';
import { signUp } from './actions';

type Props = { next?: string };

export function SignUpForm({ next }: Props) {
  const [state, action, pending] = useActionState(signUp, initialActionState);
  useNavigateOnSuccess(state);
  const fields = [
    { name: 'name', label: 'Name', type: 'text', autoComplete: 'name' },
    { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
    { name: 'password', label: 'Password (8+ characters)', type: 'password', autoComplete: 'new-password' },
  ];
  return (
    <form action={action} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {fields.map((f) => (
        <TextField
          key={f.name}
          name={f.name}
          label={f.label}
          type={f.type}
          autoComplete={f.autoComplete}
          required
          state={state}
        />
      ))}
      <FormMessage state={state} />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-zinc-900 px-4 py-2 text-white disabled:opacity-50"
      >
        {pending ? 'Creating account…' : 'Create account'}
      </button>
      <p className="text-sm">
        Already have an account?{' '}
        <Link className="underline" href={next ? `/login?next=${encodeURIComponent(next)}` : '/login'}>
          Sign in
        </Link>
      </p>
    </form>
  );
}

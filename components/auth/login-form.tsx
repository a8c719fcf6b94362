'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { TextField } from '@/components/forms/text-field';
import { useNavigateOnSuccess } from '@/components/forms/use-navigate-on-success';
import { initialActionState } from '@/lib/actions/action-state';
import { signInWithEmail, signInWithPassword } from './actions';

type Props = { next?: string; magicLink: boolean };

export function LoginForm({ next, magicLink }: Props) {
  const [state, action, pending] = useActionState(signInWithPassword, initialActionState);
  useNavigateOnSuccess(state);
  const [linkState, linkAction, linkPending] = useActionState(signInWithEmail, initialActionState);

  return (
    <div className="space-y-8">
      <form action={action} className="space-y-4" noValidate>
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <TextField name="email" label="Email" type="email" autoComplete="email" required state={state} />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          state={state}
        />
        <FormMessage state={state} />
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded bg-zinc-900 px-4 py-2 text-white disabled:opacity-50"
        >
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="text-sm">
          No account?{' '}
          <Link className="underline" href={next ? `/signup?next=${encodeURIComponent(next)}` : '/signup'}>
            Sign up
          </Link>
          {' · '}
          <Link className="underline" href="/forgot-password">
            Forgot your password?
          </Link>
        </p>
      </form>

      {magicLink ? (
        <form action={linkAction} className="space-y-3 border-t pt-6" noValidate>
          <p className="text-sm font-medium">Or get a sign-in link by email</p>
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <input
            name="email"
            type="email"
            aria-label="Address for a one-time link"
            required
            className="w-full rounded border px-3 py-2 text-zinc-900"
          />
          <FormMessage state={linkState} field="email" />
          <FormMessage state={linkState} />
          <button type="submit" disabled={linkPending} className="w-full rounded border px-4 py-2 disabled:opacity-50">
            {linkPending ? 'Sending…' : 'Email me a link'}
          </button>
        </form>
      ) : null}
    </div>
  );
}

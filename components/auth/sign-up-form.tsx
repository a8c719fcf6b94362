'use client';

import Link from 'next/link';
import { FormMessage } from '@/components/forms/form-message';
import { TextField } from '@/components/forms/text-field';
import { useActionForm } from '@/components/forms/use-action-form';
import { useNavigateOnSuccess } from '@/components/forms/use-navigate-on-success';
import { SubmitButton } from '@/components/ui/submit-button';
import { signUp } from './actions';

/** `email` prefills the address, e.g. the invited one when signing up from an invitation. */
type Props = { next?: string; email?: string };

export function SignUpForm({ next, email }: Props) {
  const { state, formProps } = useActionForm(signUp, { toastOnSuccess: false });
  useNavigateOnSuccess(state);
  return (
    <form {...formProps} className="space-y-4">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField name="name" label="Name" autoComplete="name" required state={state} />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        defaultValue={email}
        required
        state={state}
      />
      <TextField
        name="password"
        label="Password"
        help="At least 8 characters."
        type="password"
        autoComplete="new-password"
        required
        state={state}
      />
      <FormMessage state={state} />
      <SubmitButton className="w-full">Create account</SubmitButton>
      <p className="text-sm text-muted-foreground">
        Already have an account?{' '}
        <Link
          className="font-medium text-foreground underline underline-offset-4"
          href={next ? `/login?next=${encodeURIComponent(next)}` : '/login'}
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}

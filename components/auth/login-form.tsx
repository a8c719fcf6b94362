'use client';

import Link from 'next/link';
import { FormMessage } from '@/components/forms/form-message';
import { TextField } from '@/components/forms/text-field';
import { useActionForm } from '@/components/forms/use-action-form';
import { useNavigateOnSuccess } from '@/components/forms/use-navigate-on-success';
import { SubmitButton } from '@/components/ui/submit-button';
import { signInWithEmail, signInWithPassword } from './actions';

type Props = { next?: string; magicLink: boolean };

export function LoginForm({ next, magicLink }: Props) {
  const { state, formProps } = useActionForm(signInWithPassword, { toastOnSuccess: false });
  useNavigateOnSuccess(state);
  const link = useActionForm(signInWithEmail, { toastOnSuccess: false });

  return (
    <div className="space-y-8">
      <form {...formProps} className="space-y-4">
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
        <SubmitButton className="w-full">Sign in</SubmitButton>
        <p className="text-sm text-muted-foreground">
          No account?{' '}
          <Link
            className="font-medium text-foreground underline underline-offset-4"
            href={next ? `/signup?next=${encodeURIComponent(next)}` : '/signup'}
          >
            Sign up
          </Link>
          {' · '}
          <Link className="underline" href="/forgot-password">
            Forgot your password?
          </Link>
        </p>
      </form>

      {magicLink ? (
        <form {...link.formProps} className="space-y-3 border-t border-border pt-6">
          <p className="text-sm font-medium">Or get a sign-in link by email</p>
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <TextField
            id="magic-email"
            name="email"
            label="Address for a one-time link"
            type="email"
            autoComplete="email"
            required
            state={link.state}
          />
          <FormMessage state={link.state} />
          <SubmitButton variant="outline" className="w-full">
            Email me a link
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}

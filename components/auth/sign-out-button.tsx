import { signOutAction } from './actions';

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="text-sm underline" data-testid="sign-out">
        Sign out
      </button>
    </form>
  );
}

import { Button } from '@/components/ui/button';
import { signOutAction } from './actions';

/** Sign-out as a plain form (works before hydration); the app shell uses the user menu instead. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <Button type="submit" variant="outline" size="sm" data-testid="sign-out">
        Sign out
      </Button>
    </form>
  );
}

/**
 * The answers of the account forms. Each is the same text whether or not the address has an
 * account, so the forms cannot be used to find out who is registered
 * (tests/accounts/verified-accounts.test.ts compares them).
 */
export const SIGN_UP_SENT = 'Check your email: we sent a link to confirm the address and finish signing up.';
export const RESET_SENT =
  'If an account uses this address, we sent it a link to choose a new password. It works for 30 minutes.';

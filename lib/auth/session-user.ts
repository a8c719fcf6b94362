/** The operator behind an impersonated request (lib/auth/impersonation.ts). */
export type Impersonator = { id: string; email: string; impersonationId: string; write: boolean; expiresAt: Date };

/** The signed-in user as pages and actions see it; `impersonator` only while an operator impersonates. */
export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  image: string | null;
  impersonator?: Impersonator;
};

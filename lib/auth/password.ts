import 'server-only';
import bcrypt from 'bcryptjs';

/** bcrypt via bcryptjs (pure JS, no native build). Cost 10 keeps sign-in fast on small machines. */
const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

// Compared against when the email is unknown, so a miss costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  dummyHash ??= bcrypt.hash('tenantry-no-such-user', COST);
  const ok = await bcrypt.compare(password, hash ?? (await dummyHash));
  return ok && typeof hash === 'string';
}

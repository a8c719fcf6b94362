import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { isUniqueViolation } from '@/lib/db/unique-violation';
import { hashPassword } from './password';

export const signUpSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name').max(100),
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address').max(254)),
  password: z.string().min(8, 'Use at least 8 characters').max(200),
  next: z.string().max(2048).optional(),
});

export type SignUpInput = z.output<typeof signUpSchema>;

/** Creates the account with an Argon2id hash (./password.ts). A taken email is a field message, not an exception. */
export async function createUserWithPassword(
  input: Pick<SignUpInput, 'name' | 'email' | 'password'>,
): Promise<{ ok: true; userId: string } | { ok: false; error: string }> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) return { ok: false, error: 'An account with this email already exists. Sign in instead.' };
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { name: input.name, email: input.email, passwordHash },
      select: { id: true },
    });
    return { ok: true, userId: user.id };
  } catch (error) {
    if (isUniqueViolation(error)) {
      return { ok: false, error: 'An account with this email already exists. Sign in instead.' };
    }
    throw error;
  }
}

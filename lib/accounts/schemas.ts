import { z } from 'zod';

/** Input rules of the account forms (sign-up, verify, forgot and reset password). */
const email = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address').max(254));
const newPassword = z.string().min(8, 'Use at least 8 characters').max(200);
const token = z.string().max(100);

export const signUpSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name').max(100),
  email,
  password: newPassword,
  next: z.string().max(2048).optional(),
});
export const verifyEmailSchema = z.object({ token, password: z.string().min(1, 'Enter your password').max(200) });
export const forgotPasswordSchema = z.object({ email });
export const resetPasswordSchema = z.object({ token, password: newPassword });

'use server';

import { forgotPasswordBody, resetPasswordBody, verifyEmailBody } from '@/lib/accounts/actions';
import { publicFormAction } from '@/lib/actions/public-action';

// Entry points of the account forms; the bodies live in lib/accounts/actions.ts. They run before there
// is a tenant (often before there is a session), so `publicFormAction` refuses forged arguments.
export const verifyEmail = publicFormAction('accounts.verifyEmail', verifyEmailBody);
export const forgotPassword = publicFormAction('accounts.forgotPassword', forgotPasswordBody);
export const resetPasswordWithToken = publicFormAction('accounts.resetPassword', resetPasswordBody);

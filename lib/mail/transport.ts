import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/lib/env';
import { singleton } from '@/lib/singleton';

/**
 * The one SMTP transport: `SMTP_URL` (any provider that speaks SMTP — Resend, Postmark, SES,
 * Mailgun, or the dev inbox). Without it there is nothing to send through, so a mail job fails
 * and is retried until one is configured; production refuses to start without it (lib/env).
 */
export class MailNotConfiguredError extends Error {
  override name = 'MailNotConfiguredError';
}

export function mailTransport(): Transporter {
  const url = env.SMTP_URL;
  if (!url) throw new MailNotConfiguredError('SMTP_URL is not set: no mail can be sent');
  // Keyed by URL: tests point the worker at a fresh loopback server per suite.
  return singleton(`mail-transport:${url}`, () => nodemailer.createTransport(url));
}

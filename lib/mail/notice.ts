import { queuePlatformMail } from './send';

/**
 * Queues one `notice` mail per recipient for one event (billing and lifecycle notices to a tenant's
 * owners). The event key names the event; each recipient's delivery key appends the user id, so
 * a repeated call for the same event mails nobody twice (lib/mail/deliver.ts) and every owner gets
 * their own mail. `path` is an app path: the job turns it into a link on APP_URL.
 */
export type Notice = { subject: string; lines: string[]; path?: string; label?: string };
export type NoticeRecipient = { id: string; email: string };

export async function queueNotice(eventKey: string, recipients: NoticeRecipient[], notice: Notice): Promise<void> {
  for (const recipient of recipients) {
    await queuePlatformMail({
      eventKey: `${eventKey}:${recipient.id}`,
      to: recipient.email,
      template: 'notice',
      // Clamped to the job's schema, so a long tenant name or address can never make the job fail.
      subject: notice.subject.slice(0, 200),
      lines: notice.lines.slice(0, 6).map((line) => line.slice(0, 500)),
      path: notice.path ?? null,
      label: notice.label ?? null,
    });
  }
}

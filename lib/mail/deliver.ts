import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { renderEmail } from './render';
import type { TemplateName, TemplateProps } from './templates/catalog';
import { mailTransport } from './transport';

/**
 * Sends one email for one event, at most once.
 *
 * Invariant: an `EmailDelivery` row keyed by `eventKey` is inserted BEFORE the send and marked
 * sent after it; a row already marked sent means the mail is skipped. So a retried job, a
 * duplicate job or a second worker never mails an event twice once it was accepted by SMTP. The
 * remaining window — SMTP accepted, the process died before the mark — resends once on retry with
 * the SAME Message-ID (derived from the event key), which receiving servers and clients dedupe.
 * A failed send throws, so the job is retried with backoff: nothing is lost while SMTP is down.
 * Tests: tests/mail/faults.test.ts (exactly once across an SMTP outage).
 */
export type Delivery<K extends TemplateName = TemplateName> = {
  eventKey: string;
  to: string;
  template: K;
  props: TemplateProps[K];
};

export type DeliveryOutcome = 'sent' | 'already-sent';

function messageIdFor(eventKey: string): string {
  const domain = /@([^>\s]+)/.exec(env.EMAIL_FROM)?.[1] ?? 'tenantry.local';
  return `<${createHash('sha256').update(eventKey).digest('hex').slice(0, 32)}@${domain}>`;
}

export async function deliverEmail<K extends TemplateName>(delivery: Delivery<K>): Promise<DeliveryOutcome> {
  const row = await db.emailDelivery.upsert({
    where: { eventKey: delivery.eventKey },
    create: { eventKey: delivery.eventKey, template: delivery.template, to: delivery.to },
    update: {},
    select: { id: true, sentAt: true },
  });
  if (row.sentAt) return 'already-sent';

  const { subject, html, text } = await renderEmail(delivery.template, delivery.props);
  const messageId = messageIdFor(delivery.eventKey);
  await mailTransport().sendMail({ from: env.EMAIL_FROM, to: delivery.to, subject, html, text, messageId });
  await db.emailDelivery.update({ where: { id: row.id }, data: { sentAt: new Date(), messageId } });
  return 'sent';
}

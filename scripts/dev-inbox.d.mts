// Types for scripts/dev-inbox.mjs (plain ESM so `npm run dev` needs no TypeScript loader).
export type InboxMessage = {
  id: string;
  from: string;
  /** Envelope recipients, lower-cased. */
  to: string[];
  subject: string;
  html: string;
  text: string;
  messageId: string;
  date: Date;
};
export type Inbox = {
  smtpUrl: string;
  smtpPort: number;
  httpUrl: string;
  messages(): InboxMessage[];
  clear(): void;
  waitFor(predicate: (message: InboxMessage) => boolean, timeoutMs?: number): Promise<InboxMessage>;
  stop(): Promise<void>;
};
export function startInbox(options?: { smtpPort?: number; httpPort?: number }): Promise<Inbox>;

// What an adapter reads from an open message. Plain data: it crosses from the content script to
// the extension, where `webmailMessage` (lib/messaging/webmail-message.ts) validates it before any use.

export type WebmailClient = 'gmail' | 'outlook';

export interface MailParty {
  name?: string;
  email?: string;
}

export interface WebmailMessage {
  client: WebmailClient;
  /** The client's id of the message (Gmail data-message-id, Outlook item id) or a stable fallback. */
  key: string;
  sender: MailParty;
  to: MailParty[];
  cc: MailParty[];
  subject: string;
  /** ISO date-time when the client gives a parseable date. */
  date?: string;
  /** The date as the client shows it. */
  dateText?: string;
  /** Body text; quoted parts are prefixed with "> " (see lib/signature/html-to-text.ts). */
  bodyText: string;
  /** A link back to the message. */
  url: string;
}

/** An open message on the page: where its button goes and how to read it. */
export interface FoundMessage {
  key: string;
  /** The button is inserted right after this element (the sender's name). */
  anchor: Element;
  read(): WebmailMessage;
}

export interface MailAdapter {
  client: WebmailClient;
  /** Expanded messages on the page, in reading order. */
  findMessages(doc: Document): FoundMessage[];
}

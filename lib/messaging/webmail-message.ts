// The contract for a message read from a webmail page. Content scripts are untrusted: the
// background and the popup parse every message with this before using it (issue #7).
import * as z from 'zod/mini';

const text = (max: number) => z.string().check(z.maxLength(max));
const party = z.object({
  name: z.optional(text(320)),
  email: z.optional(z.email().check(z.maxLength(320))),
});

export const webmailMessage = z.object({
  client: z.enum(['gmail', 'outlook']),
  key: text(500),
  sender: party,
  to: z.array(party).check(z.maxLength(200)),
  cc: z.array(party).check(z.maxLength(200)),
  subject: text(1000),
  date: z.optional(z.iso.datetime()),
  dateText: z.optional(text(200)),
  bodyText: text(500_000),
  /** Only links back to the four webmail hosts are accepted. */
  url: z.url({ protocol: /^https$/, hostname: /^(?:mail\.google\.com|outlook\.office\.com|outlook\.office365\.com|outlook\.live\.com)$/ }).check(z.maxLength(2048)),
});

export type WebmailMessageData = z.output<typeof webmailMessage>;

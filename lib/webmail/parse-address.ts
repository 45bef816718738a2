// "Jan Kowalski <jan@firma.pl>", "jan@firma.pl", "<jan@firma.pl>": a mail party from display text.
import { headOf, MAX_HEADER_CHARS } from '../text/input-bounds';
import type { MailParty } from './types';

const EMAIL = /[\w.%+'-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/i;

export function partyFromText(text: string | null | undefined, emailHint?: string | null): MailParty {
  const raw = headOf(text ?? '', MAX_HEADER_CHARS).replace(/\s+/g, ' ').trim(); // a party fits in a kilobyte (#18)
  const email = (emailHint && EMAIL.exec(headOf(emailHint, MAX_HEADER_CHARS))?.[0]) || EMAIL.exec(raw)?.[0];
  const name = raw
    .replace(/<[^>]*>/g, ' ')
    .replace(EMAIL, ' ')
    .replace(/^(?:from|od|to|do|cc|dw)\s*:\s*/i, '')
    .replace(/["'()[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { ...(name ? { name } : {}), ...(email ? { email: email.toLowerCase() } : {}) };
}

/** Parses a date the client shows; undefined when it cannot. */
export function isoDate(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  // Gmail's title "Mon, Jan 5, 2026, 10:00 AM" has a comma before the time that Date cannot read.
  const t = Date.parse(text.replace(/(\d{4}),\s+(\d{1,2}:\d{2})/, '$1 $2').replace(/\s+at\s+/i, ' '));
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

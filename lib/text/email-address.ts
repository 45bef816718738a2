// The one reader of email fields (issue #18): whatever shape a page, a file or the rep gives
// ("John <john@acme.com>", "john@acme.com;", "mailto:JOHN@ACME.COM?subject=Hi", "\"Doe, John\"
// <john@acme.com>", "ｊｏｈｎ＠acme.com", "a@x.pl, b@y.pl"), the never-capture check and the lead
// model both see the same bare addresses.
import { MAX_EMAIL_FIELD_CHARS } from './input-bounds';
import { visibleText } from './visible-text';

// An addr-spec inside other text: the local part stops at separators, the domain also at a URL's ?, # or /.
const ADDRESS = /([^\s<>()[\]{},;:"@\\]+)@([\p{L}\p{N}\p{M}._-]+)/gu;

const PLAIN = /^[a-z0-9._+'-]+@[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/i;

export interface EmailField {
  /** Every address in the field, lower case, in order, without repeats. */
  addresses: string[];
  /** The field holds an "@": text meant as an address, not a note like "ask at reception". */
  hasAt: boolean;
}

/** Reads an email field: invisible characters dropped, full-width forms folded, mailto: escapes decoded. */
export function readEmailField(raw: string): EmailField {
  // The address pattern rescans from every start, so its time grows with the square of a long
  // run without an "@" (issue #18): longer text holds no readable list of addresses.
  if (raw.length > MAX_EMAIL_FIELD_CHARS) return { addresses: [], hasAt: raw.includes('@') };
  // Most fields already hold one plain ASCII address: the long way would find just that.
  if (PLAIN.test(raw)) return { addresses: [raw.toLowerCase()], hasAt: true };
  const decoded = raw.includes('%') ? scan(decodeEscapes(raw)) : undefined;
  // An escape that decodes into no address ("%5b@a.aa" is "[@a.aa") leaves the text as typed, so
  // reading a stored address again gives the same address.
  return decoded?.addresses.length ? decoded : scan(raw);
}

function scan(text: string): EmailField {
  // Ideographic full stops separate labels in a domain name as "." does (IDNA).
  let s = visibleText(text).normalize('NFKC').replace(/[\u3002\uFF61]/g, '.');
  // A quoted display name or a comment may itself hold commas, or an "@" that is not the address.
  s = s.replace(/"(?:[^"\\]|\\.)*"/g, ' ').replace(/\((?:[^()\\]|\\.)*\)/g, ' ');
  const addresses: string[] = [];
  for (const [, local, domain] of s.matchAll(ADDRESS)) {
    const host = domain.replace(/^[.-]+|[.-]+$/g, '');
    const address = `${local}@${host}`.toLowerCase();
    if (host && !addresses.includes(address)) addresses.push(address);
  }
  return { addresses, hasAt: s.includes('@') };
}

/** True for one plain ASCII address and nothing else ("jan.kowalski@firma.pl"). */
export const isPlainAddress = (text: string): boolean => PLAIN.test(text);

/** All addresses in an email field (see readEmailField). */
export const emailAddresses = (raw: string): string[] => readEmailField(raw).addresses;

function decodeEscapes(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/%40/gi, '@');
  }
}

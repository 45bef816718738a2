// How much text the parsers read (security issue #18). Pages, emails and files are hostile input:
// each parser reads at most these bounds, so its time grows linearly with the input however the
// text is shaped (one 80 kB line, 80 kB of spaces...). Past each bound the text carries no lead
// field, so nothing real is lost. Property tests (*-bounds.property.test.ts) hold every entry point to it.

/** A line of a signature or contact block. The longest real signature line in the evaluation
 * corpus has 130 characters; longer lines are prose, recipient lists or legal footers. */
export const MAX_FIELD_LINE_CHARS = 300;

/** A quote or forward header ("On … wrote:", "From: …") and a mail party ("Jan <jan@x.pl>"). */
export const MAX_HEADER_CHARS = 1_000;

/** The text of one email read for its sender and signature: Gmail itself clips a message at
 * 102 kB, and the signature sits in the sender's own text at the top. */
export const MAX_EMAIL_TEXT_CHARS = 100_000;

/** A person's name as written, titles and suffixes included (Dataverse's full name holds 160). */
export const MAX_NAME_CHARS = 500;

/** An email address (RFC 5321 allows 254 characters in a path). */
export const MAX_EMAIL_ADDRESS_CHARS = 254;
/** An email field: a few addresses with display names. Longer text is no list of addresses. */
export const MAX_EMAIL_FIELD_CHARS = 2_000;

/** A line of page text scanned for emails, phones and names. */
export const MAX_PAGE_LINE_CHARS = 5_000;
/** Running text searched for names ("… said Caroline Rahier, who …"). */
export const MAX_PROSE_LINE_CHARS = 2_000;
/** Lines of page text parsed. */
export const MAX_TEXT_LINES = 20_000;

/** "Create lead from selection": the text, its lines and the length of each line. */
export const MAX_SELECTION_CHARS = 20_000;
export const MAX_SELECTION_LINES = 200;
export const MAX_SELECTION_LINE_CHARS = 300;

/** The first `max` characters of `text` (the text itself when shorter). */
export function headOf(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

// Labels one line for signature detection: is it prose, a sign-off, a name, contact data...
import {
  ADDRESS_RE,
  COMPANY_RE,
  DEVICE_FOOTER_RE,
  DISCLAIMER_RE,
  EMAIL_RE,
  EMAIL_RE_G,
  findPhones,
  isProse,
  looksLikeName,
  mentionsSender,
  SEPARATOR_RE,
  SIGN_OFF_RE,
  TITLE_WORDS_RE,
  URL_RE,
} from './line-features';
import { MAX_FIELD_LINE_CHARS } from '../text/input-bounds';

export type LineKind =
  | 'blank'
  | 'separator'
  | 'device'
  | 'signoff'
  | 'contact'
  | 'name'
  | 'title'
  | 'company'
  | 'address'
  | 'short'
  | 'disclaimer'
  | 'prose';

const LABEL_WORDS_RE =
  /\b(?:tel|telephone|phone|ph|mobile|mob|cell|cel|fax|faks|fx|facsimile|email|e-mail|mail|web|www|office|work|direct|home|voice|wireless|kom|komórka|telefon|ext|wew|skype|p|t|m|f|e|w|c|o|h|d|x)\b\.?:?/gi;

/** A line holding contact data (phone, email, web, extension) and little else. */
export function isContactLine(line: string): boolean {
  const phones = findPhones(line);
  const hasEmail = EMAIL_RE.test(line);
  const hasUrl = URL_RE.test(line);
  const ext = /^\s*(?:x|ext\.?|wew\.?)\s*-?\s*\d{3,6}\.?\s*$|^\s*\d-\d{4}\.?\s*$/i.test(line);
  if (!phones.length && !hasEmail && !hasUrl && !ext) return false;
  // A deep link ("http://host/path?query") is content; signatures give a homepage.
  if (!phones.length && !hasEmail && !ext && !isHomepageLink(line)) return false;
  let rest = line.replace(EMAIL_RE_G, ' ');
  for (const p of phones) rest = rest.replace(p.text, ' ');
  rest = rest.replace(new RegExp(URL_RE.source, 'gi'), ' ').replace(LABEL_WORDS_RE, ' ');
  const words = rest.split(/[^\p{L}]+/u).filter((w) => w.length > 1);
  // "Call me on my cell. 713-302-6442." is a sentence that happens to hold a number.
  const lower = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  if (lower >= 2 || (lower >= 1 && /\.\s*$/.test(line) && !/^\W*\d/.test(line))) return false;
  if (/^(?:please|pls|call|contact|reach|dial|feel free|zadzwoń|prosz[ęe]|kontakt pod)\b/i.test(line.trim())) return false;
  return words.length <= 4 || (words.length <= 8 && (phones.length + (hasEmail ? 1 : 0) >= 2));
}

function isHomepageLink(line: string): boolean {
  const url = new RegExp(URL_RE.source, 'i').exec(line)?.[0] ?? '';
  const path = url.replace(/^https?:\/\//i, '').replace(/^[^/]+/, '');
  return path.length <= 1 && !url.includes('?');
}

export interface LineContext {
  senderTokens: readonly string[];
}

export function classifyLine(raw: string, ctx: LineContext): LineKind {
  const line = raw.replace(/\u00a0/g, ' ').trim();
  if (!line) return 'blank';
  if (SEPARATOR_RE.test(line)) return 'separator';
  // Header fields of a quoted or forwarded message ("To: Tana Jones/HOU/ECT@ECT") end the block.
  if (/^(?:to|cc|bcc|subject|from|sent|date|od|do|dw|temat|wysłano|data)\s*:\s*\S/i.test(line) && !/^(?:to|do)\s*:\s*$/i.test(line)) return 'prose';
  // A line this long holds no signature field: only the linear footer check runs on it (#18).
  if (line.length > MAX_FIELD_LINE_CHARS) return DISCLAIMER_RE.test(line) ? 'disclaimer' : 'prose';
  // Attachment names Outlook lists at the end (" - report.doc") are not text.
  if (/^-\s+[\w .,()&'-]+\.[a-z0-9]{2,5}$/i.test(line)) return 'blank';
  if (DEVICE_FOOTER_RE.test(line)) return 'device';
  if (line.length > 60 && DISCLAIMER_RE.test(line)) return 'disclaimer';
  const signOff = SIGN_OFF_RE.exec(line);
  if (signOff && signOff[0].trim() && (signOff[0].length === line.length || line.length - signOff[0].length <= 30) && !/^-+$/.test(signOff[0].trim())) {
    const rest = line.slice(signOff[0].length).trim();
    // "Thanks for the call yesterday." is prose, "Thanks, Ben" is a sign-off with a name.
    if (!rest || (!isProse(rest) && rest.split(/\s+/).length <= 4 && !/^(?:for|to|in|on|and|a|the|you|so)\b/i.test(rest))) return 'signoff';
  }
  if (isContactLine(line)) return 'contact';
  // "ul. Składowa 7" starts lowercase like a sentence's tail, but is an address.
  if (ADDRESS_RE.test(line) && line.split(/\s+/).length <= 8 && !/[.!?]$/.test(line)) return 'address';
  if (isProse(line)) return 'prose';
  if (mentionsSender(line, ctx.senderTokens) && line.split(/\s+/).length <= 5) return 'name';
  if (looksLikeName(line)) return 'name';
  if (ADDRESS_RE.test(line)) return 'address';
  if (COMPANY_RE.test(line) && line.split(/\s+/).length <= 8) return 'company';
  if (TITLE_WORDS_RE.test(line) && line.split(/\s+/).length <= 8) return 'title';
  if (line.split(/\s+/).length <= 6 && line.length <= 50) return 'short';
  return 'prose';
}

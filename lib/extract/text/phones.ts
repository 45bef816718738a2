// Phone-number candidates in text. Found here (small, runs in the page); normalized later in
// the popup with libphonenumber-js, which is too big to inject.
import { headOf, MAX_PAGE_LINE_CHARS } from '../../text/input-bounds';

export type PhoneKind = 'phone' | 'mobile' | 'fax';

export interface FoundPhone {
  number: string;
  kind: PhoneKind;
  /** A label said it is a phone ("Tel:", "Phone", "kom.") rather than the shape alone. */
  labelled: boolean;
}

const CANDIDATE = /(?:\+|00)?\(?\+?\d[\d\s()./\u2010-\u2015-]{5,22}\d(?:\s*(?:ext\.?|x|wew\.?)\s*\d{1,5})?/gi;
const SHAPES = [
  /^\(?\d{3}\)?[\s.\u2010-\u2015-]*\d{3}[\s.\u2010-\u2015-]+\d{4}$/, // North America
  /^(?:\+|00)\s*\d[\d\s()./\u2010-\u2015-]{7,}$/, // international
  /^\d{3}[\s-]\d{3}[\s-]\d{3}$/, // Poland mobile
  /^\(?\d{2}\)?[\s-]\d{3}[\s-]\d{2}[\s-]\d{2}$/, // Poland landline
  /^0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}$/, // UK and Europe trunk prefix
  /^\d{3}[\s-]\d{4}[\s-]\d{4}$/,
  /^\d{2,4}[\s.-]\d{2,4}[\s.-]\d{2,4}[\s.-]\d{2,4}$/,
];
const LABEL = /(tel(?:ephone|efon)?|phone|ph|call|t|p|office|main|direct|voice|fax|faks|f|mobile|mob|cell|m|kom(?:órka|orka)?|gsm|toll[- ]free|infolinia|sms|whatsapp)\.?\s*(?:\([^)]{0,12}\))?\s*[:.]?\s*(?:\d{0,2}\s*)?$/i;

export function phoneKind(label: string): PhoneKind {
  if (/fax|faks|\bf\b/i.test(label)) return 'fax';
  if (/mob|cell|kom|gsm|\bm\b|sms|whatsapp/i.test(label)) return 'mobile';
  return 'phone';
}

export function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

export function findPhones(line: string): FoundPhone[] {
  const out: FoundPhone[] = [];
  line = headOf(line, MAX_PAGE_LINE_CHARS);
  // Most lines of a long page hold no digit at all: skip them before copying the line.
  if (!/\d/.test(line) || !/\d{3}/.test(line.replace(/[\s().-]/g, ''))) return out;
  for (const m of line.matchAll(CANDIDATE)) {
    const raw = m[0].trim().replace(/[\s(./-]+$/, '');
    const core = raw.replace(/\s*(ext\.?|x|wew\.?)\s*\d+$/i, '');
    const digits = digitsOf(core);
    if (digits.length < 7 || digits.length > 15) continue;
    if (/^(19|20)\d\d\s*[-–/]\s*(19|20)?\d\d$/.test(core) || /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(core) || /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(core)) continue;
    if (/^\d{5}-\d{4}$/.test(core)) continue; // US ZIP+4
    const before = line.slice(Math.max(0, (m.index ?? 0) - 24), m.index ?? 0);
    const after = line.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 12);
    const labelMatch = LABEL.exec(before);
    const labelled = !!labelMatch;
    const shaped = SHAPES.some((r) => r.test(core.replace(/\s+/g, ' ')));
    if (!labelled && !shaped) continue;
    if (!labelled && /^\s*(%|zł|pln|usd|eur|\$|€|£|sq|ft|m2|km|kg)/i.test(after)) continue;
    if (/\$|€|£|#\s*$/.test(before.slice(-2))) continue;
    // "(503) 555-0131 (fax)", "… faks": the label after the number, when none comes before it.
    const faxAfter = !labelMatch && /^\s*[([]?\s*(?:fax|faks|telefax)\b/i.test(after);
    const kind = faxAfter ? 'fax' : labelMatch ? phoneKind(labelMatch[1]) : phoneKind(before.slice(-10));
    out.push({ number: raw.replace(/\s+/g, ' ').trim(), kind, labelled: labelled || faxAfter });
  }
  return out;
}

// Finds the signature block at the end of a message's own text, line by line (issue #7, step 3).
// Forge's notion of a signature is used: the sign-off ("Thanks,") and everything after it that
// identifies the sender (name, title, company, phones, address), but not legal disclaimers.
import { classifyLine, type LineKind } from './classify-line';
import { nameTokens, SIGN_OFF_RE } from './line-features';
import { signatureReadPolicy } from './read-policy';

export interface SenderHint {
  name?: string;
  email?: string;
}

export interface SignatureSpan {
  /** Index of the first signature line. */
  start: number;
  /** Index after the last signature line. */
  end: number;
  kinds: LineKind[];
}

const IDENTITY: ReadonlySet<LineKind> = new Set(['contact', 'name', 'title', 'company', 'address']);

export function senderTokens(sender: SenderHint | undefined): string[] {
  const tokens = nameTokens(sender?.name);
  const local = sender?.email?.split('@')[0];
  if (local) for (const w of local.split(/[._-]+/)) if (w.length >= 3 && /^\p{L}+$/u.test(w)) tokens.push(w.toLowerCase());
  return [...new Set(tokens)];
}

/** The signature lines of `lines` (the sender's own text, quotes already removed), if any. */
export function findSignature(lines: readonly string[], sender?: SenderHint, maxLines = signatureReadPolicy.maxSignatureLines): SignatureSpan | undefined {
  const ctx = { senderTokens: senderTokens(sender), maxLines };
  const kinds = lines.map((l) => classifyLine(l, ctx));
  return findAtEnd(lines, kinds, ctx) ?? findInline(lines, kinds, ctx);
}

/**
 * A signature in the middle of the text ("Sheila\n713-853-3210\n\nRE: the account..."): the
 * sender's name directly followed by contact lines. Only with the sender's name, to stay precise.
 */
function findInline(lines: readonly string[], kinds: readonly LineKind[], ctx: { senderTokens: string[] }): SignatureSpan | undefined {
  if (!ctx.senderTokens.length) return undefined;
  for (let i = kinds.length - 2; i >= 0; i--) {
    if (kinds[i] !== 'name' || kinds[i + 1] !== 'contact' || !nameMatches(lines[i], ctx.senderTokens)) continue;
    let end = i + 1;
    // Longer than 11 lines is refused below anyway: stop there, so a long run costs no more (#18).
    while (end + 1 < kinds.length && end - i < 11 && IDENTITY.has(kinds[end + 1])) end++;
    const block = kinds.slice(i, end + 1);
    const emails = lines.slice(i, end + 1).filter((l) => l.includes('@')).length;
    if (isList(block) || emails > 2 || block.length > 10) continue; // an address list, not a signature
    // A sign-off right above belongs to it.
    const start = i > 0 && kinds[i - 1] === 'signoff' ? i - 1 : i;
    return span(start, end, kinds);
  }
  return undefined;
}

function findAtEnd(lines: readonly string[], kinds: readonly LineKind[], ctx: { senderTokens: string[]; maxLines: number }): SignatureSpan | undefined {

  let last = kinds.length - 1;
  // Legal footers at the very end are not the signature; look above them. A footer paragraph is
  // skipped in one step, down to its disclaimer line (line by line would be quadratic, #18).
  while (last >= 0) {
    const footer = kinds[last] === 'prose' ? footerDisclaimerAbove(kinds, last) : -1;
    const attachment = attachmentAbove(lines, last);
    const box = kinds[last] === 'separator' ? boxedFooterAbove(kinds, last) : -1;
    if (kinds[last] === 'disclaimer' || kinds[last] === 'blank') last--;
    else if (footer >= 0) last = footer - 1;
    else if (attachment >= 0) last = attachment - 1;
    else if (box >= 0) last = box - 1;
    else break;
  }
  if (last < 0) return undefined;

  // A "-- " delimiter (or a long rule) close to the end starts the signature outright.
  let nonBlank = 0;
  for (let i = last; i >= 0 && nonBlank <= ctx.maxLines; i--) {
    if (kinds[i] === 'blank') continue;
    nonBlank++;
    if (kinds[i] === 'separator' && i < last && /^\s*--\s*$|^\s*[_-]{10,}\s*$/.test(lines[i])) {
      const below = kinds.slice(i + 1, last + 1).filter((k) => k !== 'blank');
      if (below.length && !below.includes('prose') && !isList(below)) return span(i, last, kinds);
    }
    if (kinds[i] === 'prose') break;
  }

  // Otherwise walk up over signature-looking lines.
  let top = last + 1;
  let blanks = 0;
  nonBlank = 0;
  for (let i = last; i >= 0; i--) {
    const k = kinds[i];
    if (k === 'blank') {
      if (++blanks > 2) break;
      continue;
    }
    if (k === 'prose' || k === 'disclaimer') break;
    // The end of a sentence that wrapped onto this line ("...or Terry\nFitch, 713-215-3361.").
    if (i > 0 && kinds[i - 1] === 'prose' && !/[.!?:;]$/.test(lines[i - 1].trimEnd()) && k !== 'signoff' && k !== 'separator') break;
    blanks = 0;
    if (++nonBlank > ctx.maxLines) break;
    top = i;
  }
  if (top > last) return undefined;

  // The bottom-most sign-off that has something after it (or a name on its own line) starts it.
  for (let i = last; i >= top; i--) {
    if (kinds[i] !== 'signoff') continue;
    const after = kinds.slice(i + 1, last + 1).filter((k) => k !== 'blank');
    // "Thanks, Ben" / "Thanks. BT" carry the name; "Thanks in advance for your help!" does not.
    const rest = lines[i].trim().slice(SIGN_OFF_RE.exec(lines[i].trim())?.[0].length ?? 0).trim();
    const nameOnLine = after.length === 0 && /^\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,2}[.!]?$/u.test(rest);
    if (after.length > 0 || nameOnLine) {
      if (after.length > 0 && !after.some((k) => IDENTITY.has(k) || k === 'short' || k === 'device' || k === 'separator')) continue;
      return span(i, last, kinds);
    }
  }

  // No sign-off: start at the first line that identifies someone, skipping short text lines.
  let start = top;
  while (start <= last && (kinds[start] === 'short' || kinds[start] === 'signoff' || kinds[start] === 'blank')) start++;
  if (start > last) {
    // Only short lines: a lone name-like word matching the sender ("Greg", "BT") is a signature.
    const only = lines[last].trim();
    if (ctx.senderTokens.length && only.split(/\s+/).length <= 3 && only.length <= 30 && ctx.senderTokens.includes(only.toLowerCase().replace(/[^\p{L}'-]/gu, ''))) {
      return span(last, last, kinds);
    }
    return undefined;
  }
  const block = kinds.slice(start, last + 1).filter((k) => k !== 'blank');
  // A column of names or numbers is a list in the text, not a signature.
  if (isList(block)) return undefined;
  const identity = block.filter((k) => IDENTITY.has(k)).length;
  const strong = block.includes('contact') || block.includes('separator') || block.includes('device');
  const firstIsName = kinds[start] === 'name';
  if (strong || identity >= 2 || (firstIsName && block.length === 1 && nameMatches(lines[start], ctx.senderTokens))) {
    // Leading separators belong to the signature; a device footer alone is one too.
    return span(start, last, kinds);
  }
  if (firstIsName && block.length === 1 && ctx.senderTokens.length === 0 && lines[start].trim().split(/\s+/).length <= 3) {
    return span(start, last, kinds);
  }
  return undefined;
}

/** A column of names or numbers is a list in the text, not a signature. */
function isList(block: readonly LineKind[]): boolean {
  const names = block.filter((k) => k === 'name').length;
  const contacts = block.filter((k) => k === 'contact').length;
  return names > 3 || (names > 2 && contacts === 0) || contacts > 7;
}

function nameMatches(line: string, tokens: readonly string[]): boolean {
  const words = line.toLowerCase().split(/[^\p{L}'-]+/u).filter(Boolean);
  return words.some((w) => tokens.includes(w)) || (words.length === 1 && words[0].length <= 3 && tokens.some((t) => t.startsWith(words[0][0])));
}

/** In a prose paragraph at the end that reads like a legal or marketing footer, the index of its
 * first line: the run of prose and disclaimer lines that holds a disclaimer line, so a footer
 * opening with "Confidentiality Note: This e-mail…" goes as a whole (#14); -1 when there is none. */
function footerDisclaimerAbove(kinds: readonly LineKind[], i: number): number {
  let found = false;
  let j = i;
  for (; j >= 0 && (kinds[j] === 'prose' || kinds[j] === 'disclaimer'); j--) if (kinds[j] === 'disclaimer') found = true;
  return found ? j + 1 : -1;
}

const ATTACHMENT_END_RE = /\.(?:docx?|xlsx?|pptx?|pdf|txt|rtf|zip|csv|msg|wpd|vcf|html?|jpe?g|gif|png|tiff?)$/i;

/** An attachment the mail client lists at the end (" - Minutes of the\nMeeting.doc"), its name
 * wrapped over up to three lines: the index of its first line, or -1 when line i ends none. */
function attachmentAbove(lines: readonly string[], i: number): number {
  if (!ATTACHMENT_END_RE.test(lines[i].trim())) return -1;
  for (let j = i; j >= Math.max(0, i - 2); j--) {
    if (/^\s*-\s+\S/.test(lines[j])) return j;
    if (j < i && !lines[j].trim()) return -1;
  }
  return -1;
}

/**
 * A company footer boxed in rule lines below a signature ("****\nAcme sells…\n****"): from the
 * closing rule at i up to the opening rule, only text (prose) and no one's name, sign-off or
 * contact data. The index of the opening rule, or -1.
 */
function boxedFooterAbove(kinds: readonly LineKind[], i: number): number {
  let prose = false;
  for (let j = i - 1; j >= 0 && j >= i - 10; j--) {
    const k = kinds[j];
    if (k === 'separator') return prose ? j : -1;
    if (k === 'name' || k === 'signoff' || k === 'contact' || k === 'title') return -1;
    if (k === 'prose' || k === 'disclaimer') prose = true;
  }
  return -1;
}

function span(start: number, last: number, kinds: readonly LineKind[]): SignatureSpan {
  return { start, end: last + 1, kinds: kinds.slice(start, last + 1) };
}

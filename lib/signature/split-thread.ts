// Splits an email's text into the sender's own text and the messages it quotes or forwards,
// so a quoted signature of someone else is never taken for the sender's (issue #7, step 2).
// Works on plain text; `mailHtmlToText` turns the clients' quote containers into "> " lines first.
import { headOf, MAX_HEADER_CHARS } from '../text/input-bounds';

export interface Party {
  name?: string;
  email?: string;
}

export type ThreadPartKind = 'own' | 'quote' | 'forward';

export interface ThreadPart {
  kind: ThreadPartKind;
  /** The part's text, without its header and without "> " prefixes. */
  text: string;
  /** Who wrote it, from the quote or forward header when there is one. */
  from?: Party;
  /** Date as written in the header. */
  date?: string;
  subject?: string;
  /** Nesting: 0 for the sender's own text. */
  depth: number;
  /** Index of the input line that `text` starts on (for line-level evaluation). */
  line: number;
}

const FORWARD_MARKER_RE =
  /^\s*(?:-{3,}\s*(?:forwarded message|original message|wiadomość przekazana dalej|przekazana wiadomość|oryginalna wiadomość|wiadomość oryginalna|weitergeleitete nachricht|ursprüngliche nachricht|message transféré|message d'origine)\s*-{3,}|_{3,}\s*reply separator\s*_{3,}|begin forwarded message:|początek przekazywanej wiadomości:|-{3,}\s*forwarded by .{3,160}?(?:-{3,})?)\s*$/i;
const FORWARD_WORDS_RE = /forward|przekaza|weitergeleitet|transféré|początek przekazywanej/i;

// "On Mon, 5 Jan 2026 at 10:00, Jan Kowalski <jan@x.pl> wrote:" and its translations. The header may
// wrap over two or three lines, so it is matched on the joined lines.
const WROTE_RE =
  /^\s*(?:on|w dniu|dnia|am|le|el|il|op|em)\s.{4,300}?(?:wrote|writes|napisał\(a\)|napisała?|pisze|schrieb|a écrit|escribió|ha scritto|schreef|escreveu)\s*:\s*$/i;
const WROTE_TAIL_RE = /^\s*.{2,200}\s(?:wrote|napisał\(a\)|napisała?|pisze|schrieb|a écrit|написал\(а\)|написала?)\s*:\s*$/i;

const HEADER_FIELD_RE = /^\s*\*?(from|od|von|de|от|sent|date|data|wysłano|wysłane|gesendet|datum|envoyé|отправлено|дата|to|do|an|à|кому|cc|dw|копия|subject|temat|betreff|objet|тема|sent by|author)\s*:\*?\s*(.*)$/i;
// "Author:" under cc:Mail's "____Reply Separator____" (#14).
const FROM_FIELDS = new Set(['from', 'od', 'von', 'de', 'от', 'author']);
const DATE_FIELDS = new Set(['sent', 'date', 'data', 'wysłano', 'wysłane', 'gesendet', 'datum', 'envoyé', 'отправлено', 'дата']);
const TO_FIELDS = new Set(['to', 'do', 'an', 'à', 'кому']);
const SUBJECT_FIELDS = new Set(['subject', 'temat', 'betreff', 'objet', 'тема']);
/** Any language: a line with a date, a time and an address that ends with ":" ("26.06.2014, 14:41, "Alex" <a@b.c>:"). */
const DATED_ADDRESS_HEADER_RE = /^(?=.*\d{1,2}:\d{2})(?=.*(?:\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2}))(?=.*<?[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+>?).{10,250}:\s*$/;
const QUOTE_PREFIX_RE = /^\s?>/;
const RULE_RE = /^\s*(?:_{8,}|-{8,}|={8,})\s*$/;
const LOTUS_DATE_RE = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?\b/i;

interface Header {
  start: number;
  /** First line after the header. */
  end: number;
  kind: 'quote' | 'forward';
  from?: Party;
  date?: string;
  subject?: string;
}

/** "Jan Kowalski <jan@x.pl>", "jan@x.pl", "Kowalski, Jan [mailto:jan@x.pl]", "Jan Kowalski@ENRON". */
export function parseParty(raw: string): Party {
  // A party is written within a kilobyte; the patterns below never see more (#18).
  const s = headOf(raw, MAX_HEADER_CHARS).replace(/\s+/g, ' ').trim();
  const email = /[\w.%+'-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/i.exec(s)?.[0];
  let name = s
    .replace(/<[^>]*>|\[mailto:[^\]]*\]|\([^)]*\)/gi, ' ')
    .replace(/\bon \d{1,2}\/\d{1,2}\/\d{2,4}.*$/i, '')
    .replace(/[\w.%+'-]+@[\w.-]+/g, (m) => (m.includes('.') && /\.[a-z]{2,}$/i.test(m) ? ' ' : m.replace(/@.*$/, '')))
    .replace(/(?:^|\s)@[\w.-]+(?=\s|$)/g, ' ') // a mail system's suffix ("Nowak, Jan @ACME"), not part of the name
    .replace(/["']/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,]+|[\s,]+$/g, '')
    .trim();
  if (/\d{1,2}:\d{2}/.test(name)) name = name.replace(/\s{2,}.*$/, '').replace(/\s+\d{1,2}\/\d{1,2}\/\d{2,4}.*$/, '').trim();
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

function partyFromWroteLine(line: string): Party {
  const m = /^(?:.*?\d{1,2}:\d{2}(?:\s*[AP]M)?|.*?\d{4})[,\s]+(.*?)\s*(?:wrote|writes|napisał\(a\)|napisała?|pisze|schrieb|a écrit|escribió|ha scritto|schreef|escreveu)\s*:\s*$/i.exec(line);
  const who = m?.[1] ?? line.replace(/^\s*(?:on|w dniu|am|le)\s/i, '').replace(/(?:wrote|napisał\(a\)|napisała?|pisze|schrieb|a écrit)\s*:\s*$/i, '');
  return parseParty(who.replace(/^(?:użytkownik|uzytkownik|user)\s+/i, ''));
}

/** Reads a block of "From: / Sent: / To: / Subject:" lines starting at `i`. */
function readHeaderFields(lines: readonly string[], i: number): { end: number; from?: Party; date?: string; subject?: string; fields: number } {
  let j = i;
  let fields = 0;
  let from: Party | undefined;
  let date: string | undefined;
  let subject: string | undefined;
  let last = '';
  while (j < lines.length && j < i + 14) {
    const line = lines[j];
    const m = HEADER_FIELD_RE.exec(line);
    if (m) {
      const key = m[1].toLowerCase();
      fields++;
      last = key;
      if (FROM_FIELDS.has(key) && !from) from = parseParty(m[2]);
      else if (DATE_FIELDS.has(key) && !date) date = m[2].trim();
      else if (SUBJECT_FIELDS.has(key)) subject = m[2].trim();
      j++;
      continue;
    }
    // Wrapped recipient lists continue on indented lines.
    if (fields > 0 && /^\s+\S/.test(line) && (TO_FIELDS.has(last) || last === 'cc' || last === 'dw')) {
      j++;
      continue;
    }
    break;
  }
  return { end: j, from, date, subject, fields };
}

function findHeader(lines: readonly string[], i: number): Header | undefined {
  const line = lines[i];
  if (!line.trim()) return undefined;

  if (FORWARD_MARKER_RE.test(line)) {
    let j = i + 1;
    if (/^\s*-{3,}\s*$/.test(lines[j] ?? '')) j++; // the marker's dashes wrapped onto the next line
    while (j < lines.length && !lines[j].trim() && j < i + 4) j++;
    const kind = FORWARD_WORDS_RE.test(line) ? 'forward' : 'quote';
    const h = readHeaderFields(lines, j);
    // Lotus Notes: "----- Forwarded by X on date -----" then "Name@ORG\ndate\nTo:".
    const lotus = h.fields === 0 ? findLotusHeader(lines, j) : undefined;
    if (lotus) return { ...lotus, start: i, kind };
    return { start: i, end: h.fields ? h.end : i + 1, kind, from: h.from, date: h.date, subject: h.subject };
  }

  // A wrapped "On ... wrote:" header over up to three lines.
  // A header line itself carries a date or an address; "Alex" above "> On … wrote:" is not one.
  const headerish = /@|\d{4}|\d:\d\d/.test(line);
  for (let n = 1; n <= 3 && i + n <= lines.length; n++) {
    if (n > 1 && QUOTE_PREFIX_RE.test(lines[i + n - 1])) break;
    const joined = lines.slice(i, i + n).join(' ');
    if (joined.length > MAX_HEADER_CHARS) break; // too long for a header; spares the patterns below (#18)
    if (WROTE_RE.test(joined) || (headerish && n <= 2 && (WROTE_TAIL_RE.test(joined) || DATED_ADDRESS_HEADER_RE.test(joined)))) {
      return { start: i, end: i + n, kind: 'quote', from: partyFromWroteLine(joined) };
    }
    if (!lines[i + n]?.trim()) break;
  }

  // An Outlook header block, optionally under a rule: "From: ..." followed by "Sent:/Date:/To:".
  const atRule = RULE_RE.test(line) ? 1 : 0;
  const fieldStart = i + atRule;
  const first = HEADER_FIELD_RE.exec(lines[fieldStart] ?? '');
  if (first && FROM_FIELDS.has(first[1].toLowerCase())) {
    const h = readHeaderFields(lines, fieldStart);
    if (h.fields >= 2) return { start: i, end: h.end, kind: 'quote', from: h.from, date: h.date, subject: h.subject };
  }
  if (!atRule) {
    const lotus = findLotusHeader(lines, i);
    if (lotus) return lotus;
  }
  return undefined;
}

/** "Jan Kowalski@ENRON\n01/02/2001 10:00 AM\nTo: ..." or "x@y.com on 01/02/2001 10:00:00 AM\nTo: ...". */
function findLotusHeader(lines: readonly string[], i: number): Header | undefined {
  const line = lines[i];
  if (!line?.trim() || line.trim().length > 120) return undefined;
  for (let k = i; k < i + 5 && k < lines.length; k++) {
    const m = HEADER_FIELD_RE.exec(lines[k]);
    if (m && TO_FIELDS.has(m[1].toLowerCase())) {
      if (k === i) return undefined;
      const window = lines.slice(i, k).join(' ');
      if (!LOTUS_DATE_RE.test(window)) return undefined;
      const h = readHeaderFields(lines, k);
      const who = lines[i].replace(LOTUS_DATE_RE, '').replace(/\s+on\s*$/i, '');
      return { start: i, end: h.end, kind: 'quote', from: parseParty(who), subject: h.subject, date: LOTUS_DATE_RE.exec(window)?.[0] };
    }
    if (k > i + 1 && !lines[k].trim() && !/^[\t ]+$/.test(lines[k])) return undefined;
  }
  return undefined;
}

/**
 * Splits a message into the sender's own text followed by every quoted or forwarded message,
 * in reading order. `>` blocks are unwrapped and split again, so nested quotes become parts too.
 */
export function splitThread(text: string, depth = 0): ThreadPart[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const parts: ThreadPart[] = [];
  let current: ThreadPart = { kind: depth === 0 ? 'own' : 'quote', text: '', depth, line: 0 };
  let buf: string[] = [];
  const flush = () => {
    const joined = buf.join('\n');
    const lead = /^\n*/.exec(joined)?.[0].length ?? 0;
    current.text = joined.slice(lead).trimEnd(); // not /\s+$/, quadratic on a long run of spaces (#18)
    current.line += lead;
    parts.push(current);
    buf = [];
  };

  let i = 0;
  while (i < lines.length) {
    if (depth < 6 && QUOTE_PREFIX_RE.test(lines[i])) {
      let j = i;
      const quoted: string[] = [];
      while (j < lines.length && (QUOTE_PREFIX_RE.test(lines[j]) || (!lines[j].trim() && QUOTE_PREFIX_RE.test(lines[j + 1] ?? '')))) {
        quoted.push(lines[j].replace(/^\s?> ?/, ''));
        j++;
      }
      flush();
      const inner = splitThread(quoted.join('\n'), depth + 1).map((p) => ({ ...p, line: p.line + i }));
      // The header ("On ... wrote:") usually sits in the text just above the ">" block.
      let resume = parts[parts.length - 1];
      if (resume.kind !== 'own' && !resume.text.trim() && inner[0] && !inner[0].from) {
        inner[0] = { ...inner[0], from: resume.from, date: resume.date, kind: resume.kind };
        parts.pop();
        resume = parts[parts.length - 1] ?? { kind: depth === 0 ? 'own' : 'quote', text: '', depth, line: 0 };
      }
      parts.push(...inner);
      // Text after a ">" block continues what the block interrupted: bottom-posted or
      // interleaved replies are the sender's own text again.
      current = { kind: resume.kind, from: resume.from, date: resume.date, subject: resume.subject, text: '', depth: resume.depth, line: j };
      i = j;
      continue;
    }
    const header = findHeader(lines, i);
    if (header) {
      flush();
      current = { kind: header.kind, text: '', depth: depth + 1, from: header.from, date: header.date, subject: header.subject, line: header.end };
      i = header.end;
      continue;
    }
    buf.push(lines[i]);
    i++;
  }
  flush();
  // Drop empty quote parts left between headers; keep the own part even when empty.
  return parts.filter((p, idx) => idx === 0 || p.text.trim() || p.from);
}

/** The sender's own text, quotes and forwards removed (all of it, for bottom-posted replies). */
export function stripQuotes(text: string): string {
  return ownText(splitThread(text));
}

export function ownText(parts: readonly ThreadPart[]): string {
  return parts
    .filter((p) => p.kind === 'own' && p.depth === 0)
    .map((p) => p.text)
    .filter((t) => t.trim())
    .join('\n\n');
}

// Parses a signature block into the fields of a lead: name, title, company, phones by kind,
// email, website and address; disclaimers, sign-offs and device footers are ignored (issue #7).
import {
  ADDRESS_RE,
  COMPANY_RE,
  DEVICE_FOOTER_RE,
  DISCLAIMER_RE,
  EMAIL_RE_G,
  findPhones,
  looksLikeName,
  SEPARATOR_RE,
  SIGN_OFF_RE,
  TITLE_WORDS_RE,
  URL_RE,
} from './line-features';
import { senderTokens, type SenderHint } from './find-signature';
import { phoneKindOfLabel, type PhoneKind } from './phone-kind';
import { signatureReadPolicy, type SignatureReadPolicy } from './read-policy';
import { MAX_FIELD_LINE_CHARS } from '../text/input-bounds';

export interface SignaturePhone {
  number: string;
  kind: PhoneKind;
  /** Whether a label said the kind (unlabelled numbers are taken as work numbers). */
  labelled: boolean;
  extension?: string;
}

export interface SignatureFields {
  name?: string;
  title?: string;
  company?: string;
  email?: string;
  emails: string[];
  website?: string;
  phones: SignaturePhone[];
  /** Address lines in order, e.g. ["ul. Prosta 1", "00-850 Warszawa"]. */
  address: string[];
  /** The name under a sign-off when nothing else identifies the sender ("Thanks,\nKim"). */
  closingName?: string;
}

const CREDENTIALS_RE = /,\s*(?:[A-Z][A-Za-z.]{1,6})(?:,\s*[A-Z][A-Za-z.]{1,6})*\s*$/;
const PART_SPLIT_RE = /\t+|\s{3,}|\s+[|•·∙◦▪●★]\s*|\s[*]\s|\s(?=(?:tel|phone|fax|faks|e-?mail|mobile|cell|kom|web|www)\.?\s*:)/i;
// Words of labels that may be left once the values are taken out ("Tel.:", "(Office)", "e-mail").
// A set of words, not one pattern of alternatives: as a regex, "p.p.p.…p.#" took exponential time (#18).
const LABEL_WORDS = new Set(
  'tel telephone phone ph mobile mob cell cel fax faks fx facsimile email e mail web website www office work direct home voice wireless kom komórka telefon ext wew skype p t m f e w c o h d x'.split(' '),
);
const LABEL_SEPARATORS_RE = /[\s:;,.*|()\-–/]+/;

/** Only labels and punctuation are left: nothing that is a field. */
function onlyLabels(rest: string): boolean {
  return rest
    .toLowerCase()
    .replace(/\bemail address\b/g, 'email')
    .split(LABEL_SEPARATORS_RE)
    .every((w) => !w || LABEL_WORDS.has(w));
}
const POSTAL_LINE_RE = /^(?:\d{2}-\d{3}\s+\p{Lu}|[\p{Lu}][\p{L}.' -]+,?\s+(?:[A-Z]{2}|[\p{Lu}][\p{L}]+)\.?,?\s+\d{4,5}(?:-\d{4})?\b|\d{4,5}\s+\p{Lu}[\p{L}-]+$|[\p{Lu}][\p{L}]+(?:,\s*|\s+)[A-Z]{2}\s+\d{5})/u;
const COUNTRY_RE = /^(?:poland|polska|usa|united states|u\.s\.a\.?|uk|united kingdom|germany|niemcy|canada|france|finland|sweden|norway|czech republic|czechy|netherlands|spain|italy)$/i;

function cleanLine(raw: string): string {
  return raw.replace(/\u00a0/g, ' ').replace(/^[>\s]+/, '').replace(/<<[^>]*>>/g, ' ').trim();
}

/** Splits a line into its columns and " | " separated pieces, keeping a lone label with its value. */
function splitParts(line: string): string[] {
  const parts = line.split(PART_SPLIT_RE).filter((p) => p && p.trim());
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (i + 1 < parts.length && /^[\p{L}. -]{1,16}[:\s-]*$/u.test(p) && phoneKindOfLabel(p)) {
      parts[i + 1] = `${p} ${parts[i + 1]}`; // "Fax     - 713.345.8100"
      continue;
    }
    out.push(p);
  }
  return out;
}

// Between two numbers a separator (";", ",", "|", " / ") ends what belongs to the number before.
const GAP_SEPARATOR_RE = /[;,|]|\s\/\s/;

/**
 * The kind each number on one line names (issue #14). A line is written either label first
 * ("tel. 713-555-0100, fax 713-555-0101") or label after ("713-555-0100 (phone)", "… cell"):
 * when the first number has no label before it and the last one has a label after it, every
 * number takes the label after it; otherwise the label before it, or one right after it up to
 * the next separator ("(310) 555-0101; fax (310) 555-0102": the fax is only the second).
 */
export function phoneKinds(line: string, phones: readonly { text: string; index: number }[]): (PhoneKind | undefined)[] {
  const gaps: string[] = [];
  for (let k = 0; k <= phones.length; k++) {
    const from = k === 0 ? 0 : phones[k - 1].index + phones[k - 1].text.length;
    const to = k < phones.length ? phones[k].index : line.length;
    gaps.push(line.slice(from, to));
  }
  const head = (gap: string) => gap.split(GAP_SEPARATOR_RE, 1)[0].slice(0, 16);
  const tail = (gap: string) => {
    const pieces = gap.split(GAP_SEPARATOR_RE);
    return pieces[pieces.length - 1].slice(-24);
  };
  const n = phones.length;
  const labelsAfter = n > 0 && !phoneKindOfLabel(tail(gaps[0])) && Boolean(phoneKindOfLabel(head(gaps[n])));
  return phones.map((_, k) => {
    if (labelsAfter) return phoneKindOfLabel(head(gaps[k + 1]));
    const before = phoneKindOfLabel(tail(gaps[k]));
    if (before) return before;
    const after = gaps[k + 1];
    // "Tel: 713-555-0100 Fax: 713-555-0101": the "Fax:" after the first number is the second's.
    if (k + 1 < n && !GAP_SEPARATOR_RE.test(after)) return undefined;
    return phoneKindOfLabel(head(after));
  });
}

function domainStem(email: string | undefined): string | undefined {
  const host = email?.split('@')[1]?.toLowerCase();
  if (!host) return undefined;
  const parts = host.split('.');
  // "bryza-textiles.example" is written "Bryza Textiles": the stem without its hyphens.
  return (parts.length >= 2 ? parts[parts.length - 2] : parts[0]).replace(/-/g, '');
}

/** "Watson Wyatt Investment Consulting" matches watsonwyatt.com, "Enron Corp." enron.com. */
function matchesDomain(text: string, stem: string | undefined): boolean {
  if (!stem || stem.length < 3) return false;
  const letters = text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const words = text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  for (let n = 1; n <= Math.min(3, words.length); n++) {
    if (words.slice(0, n).join('') === stem) return true;
  }
  const initials = words.map((w) => w[0]).join('');
  return (letters.startsWith(stem) && stem.length >= 4) || (initials.length >= 3 && initials === stem);
}

interface TextPart {
  text: string;
  line: number;
}

/** Parses the lines of a signature block (as `findSignature` returns them). */
export function parseSignature(blockLines: readonly string[], sender?: SenderHint, policy: Pick<SignatureReadPolicy, 'unlabelledTitleCompany'> = signatureReadPolicy): SignatureFields {
  const out: SignatureFields = { emails: [], phones: [], address: [] };
  const tokens = senderTokens(sender);
  const texts: TextPart[] = [];

  blockLines.forEach((raw, lineNo) => {
    if (raw.trim().length > MAX_FIELD_LINE_CHARS) return; // prose or a footer, never a field (#18)
    let line = cleanLine(raw);
    if (!line || SEPARATOR_RE.test(line) || DEVICE_FOOTER_RE.test(line)) return;
    if (line.length > 80 && DISCLAIMER_RE.test(line)) return;
    if (line.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length > 12) return; // prose, not a field
    const signOff = SIGN_OFF_RE.exec(line);
    if (signOff && signOff[0].trim() && !/^-+$/.test(signOff[0].trim())) line = line.slice(signOff[0].length).trim();
    line = line.replace(/^[-–—]+\s*(?=\p{L})/u, ''); // "-Abhishek Kona"
    if (!line) return;

    for (const part of splitParts(line)) {
      let rest = part;
      for (const m of part.matchAll(EMAIL_RE_G)) {
        const email = m[0].replace(/\.$/, '');
        if (!out.emails.some((e) => e.toLowerCase() === email.toLowerCase())) out.emails.push(email);
        rest = rest.replace(m[0], ' ');
      }
      rest = rest.replace(/<mailto:[^>]*>|mailto:\S+/gi, ' ');
      const url = new RegExp(URL_RE.source, 'i').exec(rest);
      if (url && !/@/.test(url[0])) {
        out.website ??= url[0].replace(/[.,;]+$/, '');
        rest = rest.replace(url[0], ' ');
      }
      const phones = findPhones(rest);
      const kinds = phoneKinds(rest, phones);
      phones.forEach((p, k) => {
        const kind = kinds[k];
        const ext = /\s*(?:ext\.?|x|wew\.?)\s*(\d{1,5})$/i.exec(p.text);
        const number = (ext ? p.text.slice(0, ext.index) : p.text).trim();
        if (!out.phones.some((q) => q.number.replace(/\D/g, '') === number.replace(/\D/g, ''))) {
          out.phones.push({ number, kind: kind ?? 'work', labelled: Boolean(kind), ...(ext ? { extension: ext[1] } : {}) });
        }
      });
      for (const p of phones) rest = rest.replace(p.text, ' ');
      rest = rest.replace(/\b(?:ext|x|wew)\.?\s*\d{1,5}\b/gi, ' ').replace(/\s+/g, ' ').trim();
      if (!rest || onlyLabels(rest)) continue;
      // What remains after phones may be a label pair like "Phone -" or "(Office)".
      if (phones.length && rest.split(/\s+/).length <= 2 && phoneKindOfLabel(rest)) continue;
      texts.push({ text: rest.replace(/^[\s:,;*|-]+|[\s:,;*|]+$/g, ''), line: lineNo });
    }
  });

  const senderEmail = sender?.email?.toLowerCase();
  out.email = out.emails.find((e) => e.toLowerCase() === senderEmail) ?? out.emails[0];
  const stem = domainStem(out.email ?? sender?.email);

  const used = new Set<number>();
  const isAddress = (t: string) => ADDRESS_RE.test(t) || POSTAL_LINE_RE.test(t) || COUNTRY_RE.test(t.trim());

  // Address: consecutive address-looking parts (a street then a postal line).
  texts.forEach((p, i) => {
    if (used.has(i)) return;
    if (isAddress(p.text)) {
      used.add(i);
      out.address.push(p.text);
    }
  });

  // Name: the part naming the sender, else the first name-like part near the top.
  const nameIdx = (() => {
    const candidates = texts
      .map((p, i) => ({ p, i }))
      .filter(({ p, i }) => !used.has(i) && tokens.length > 0 && p.text.split(/\s+/).length <= 5 && mentionsAny(p.text, tokens) && !COMPANY_RE.test(p.text));
    // "Dana" (a sign-off) then "Dana Perino": the full name wins.
    const full = candidates.find(({ p }) => p.text.split(/\s+/).length >= 2 && looksLikeName(p.text.replace(CREDENTIALS_RE, '')));
    if (full) return full.i;
    if (candidates.length) return candidates[0].i;
    return texts.findIndex((p, i) => !used.has(i) && i <= 2 && looksLikeName(p.text) && p.text.split(/\s+/).length >= 2);
  })();
  if (nameIdx >= 0) {
    used.add(nameIdx);
    const raw = texts[nameIdx].text;
    // "Jan Kowalski, Sales Manager" and "Jan Kowalski - Acme" carry more after the name.
    const m = /^(.+?)(?:\s*[,|–—-]\s+|\s+-\s*)(.+)$/.exec(raw);
    if (m && looksLikeName(m[1]) && !CREDENTIALS_RE.test(raw)) {
      out.name = m[1].trim();
      texts.push({ text: m[2].trim(), line: texts[nameIdx].line });
    } else {
      out.name = raw.replace(CREDENTIALS_RE, '').replace(/^["'“”]+|["'“”]+$/g, '').trim();
    }
  }

  // Title and company from what is left, in reading order.
  const rest = texts.map((p, i) => ({ ...p, i })).filter((p) => !used.has(p.i) && /\p{L}{2}/u.test(p.text) && p.text.length <= 90);
  for (const p of rest) {
    const t = p.text;
    const isCompany = COMPANY_RE.test(t) || matchesDomain(t, stem);
    const isTitle = TITLE_WORDS_RE.test(t);
    // "Manager - Human Capital Advisory Services" starts with a title word: a title, despite "Services".
    const startsAsTitle = isTitle && TITLE_WORDS_RE.exec(t)?.index === 0;
    // "Senior Counsel, ENA", "Vice President, Enron North America", "Director of Acme Inc.": title, company.
    const m = /^(.+?),\s+(.+)$/.exec(t) ?? titleAtCompany(t);
    const split = m && TITLE_WORDS_RE.test(m[1]) && !TITLE_WORDS_RE.test(m[2]) && (COMPANY_RE.test(m[2]) || matchesDomain(m[2], stem) || /^[A-Z&]{2,6}(?:$|\s)/.test(m[2].trim()));
    if (!out.title && isTitle && (startsAsTitle || !isCompany || /,/.test(t) || split)) {
      if (m && split) {
        out.title = m[1].trim();
        if (!out.company) out.company = m[2].trim();
      } else {
        out.title = t;
      }
      used.add(p.i);
      continue;
    }
    if (!out.company && isCompany) {
      out.company = t;
      used.add(p.i);
    }
  }
  // Unlabelled lines between the name and the contact data: title first, then company.
  const leftovers = policy.unlabelledTitleCompany ? rest.filter((p) => !used.has(p.i) && !looksLikeName(p.text) && looksLikeOrgOrTitle(p.text)) : [];
  for (const p of leftovers) {
    if (!out.company && (out.title || leftovers.length === 1)) {
      out.company = p.text;
      used.add(p.i);
    } else if (!out.title && !out.company) {
      out.title = p.text;
      used.add(p.i);
    }
  }
  // A name with nothing else is a sign-off ("Thanks, Kim"), not a signature's name field; so is a
  // lone first name above a phone number ("Jeff\n415-555-0100").
  const single = Boolean(out.name && !/\s/.test(out.name));
  if (out.name && !out.title && !out.company && (single || (!out.emails.length && !out.phones.length && !out.address.length && !out.website))) {
    out.closingName = out.name;
    delete out.name;
  }
  return out;
}

/** "Managing Director of Acme Corp", "Sales Manager at Acme": [whole, title, company] (#14). */
function titleAtCompany(t: string): [string, string, string] | undefined {
  const words = t.split(' ');
  const at = words.findIndex((w, i) => i > 0 && i < words.length - 1 && (w === 'of' || w === 'at' || w === '@'));
  if (at < 0 || !/^[\p{Lu}\d]/u.test(words[at + 1])) return undefined;
  return [t, words.slice(0, at).join(' '), words.slice(at + 1).join(' ')];
}

/** Could be a company or a job title: capitalised, no sentence, no office code ("EB 3889"). */
function looksLikeOrgOrTitle(t: string): boolean {
  if (!/^[\p{Lu}\d&"'(]/u.test(t) || t.replace(/[^\p{L}]/gu, '').length < 3) return false;
  if (/^[A-Z]{1,3}\s?\d{2,}[A-Za-z]?$/.test(t)) return false;
  if (/[!?]$|\.\.$/.test(t) || (/\.$/.test(t) && !COMPANY_RE.test(t))) return false;
  if (/\b(?:is|are|me|at|you|it|my|i|we|to|wrote|reach|call|please)\b/i.test(t)) return false;
  if (/\d{2,}/.test(t) && !COMPANY_RE.test(t)) return false;
  return t.split(/\s+/).length <= 7;
}

function mentionsAny(text: string, tokens: readonly string[]): boolean {
  const words = text.toLowerCase().split(/[^\p{L}'-]+/u);
  return words.some((w) => w.length >= 2 && tokens.includes(w));
}

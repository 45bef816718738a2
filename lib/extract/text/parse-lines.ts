// The one text parser behind page text, plain-text pages and "Create lead from selection":
// finds people ("Name / Title", "Name, Title", "Title: Name"), emails, phones and addresses,
// and ties contact details to the person whose block they sit in.
import { MAX_TEXT_LINES } from '../../text/input-bounds';
import type { CaptureMethod } from '../../leads/schema';
import { cleanText } from '../clean-text';
import type { Candidate, CandidateFields } from '../types';
import { findAddresses, type FoundAddress } from './address';
import { findEmails, stripMailto } from './emails';
import { isJobTitle as jobTitleTest } from './job-title';
import { asPersonName as personName, leadingName, nameEvidence as evidenceOf, namesInText } from './person-name';
import { digitsOf, findPhones, type FoundPhone } from './phones';
import { splitName } from './split-name';

export interface TextLink {
  href: string;
  text: string;
  line: number;
}

export interface ParsedText {
  people: Candidate[];
  emails: { value: string; line: number }[];
  phones: (FoundPhone & { line: number })[];
  addresses: FoundAddress[];
  websites: string[];
  /** A line that names the organization (signatures, business cards). */
  company?: string;
}

interface PersonHit {
  line: number;
  name: string;
  title?: string;
  /** How sure: 3 = name + title, 2 = name + contact details, 1 = selection's first line. */
  strength: number;
}

const LABELLED_NAME = /^(contact(?: person)?|attn|attention|owner|proprietor|principal|manager|director|president|under name|name|imię i nazwisko|osoba kontaktowa|kontakt|właściciel|prezes|dyrektor)\s*[:\-–]\s*(.+)$/i;
const SPLIT = /\s*(?:,|\s[-–—|•·]\s|\s*\|\s*)\s*/;
const COMPANY_SUFFIX = /\b(inc|llc|l\.l\.c|ltd|limited|plc|gmbh|ag|corp|corporation|company|co|group|sp\. ?z ?o\.? ?o|s\.a|sp\. ?j|sp\. ?k|s\.c|spółka|pty|bv|nv|oy|ab|srl|sarl|sas|llp|lp|pc|pllc)\b\.?/i;
const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"')]+/i;

/**
 * A pure test's answers, remembered: on a long page the same line is asked the same question
 * several times (as a name, as the title of the line before it, as a neighbour in a list), each a
 * handful of Unicode regexes (issue #13). Bounded, so a long-lived caller cannot grow it for ever.
 */
function remembered<T>(test: (s: string) => T): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    if (seen.has(s)) return seen.get(s) as T;
    if (seen.size >= 20_000) seen.clear();
    const answer = test(s);
    seen.set(s, answer);
    return answer;
  };
}
const isJobTitle = remembered(jobTitleTest);
const asPersonName = remembered(personName);
const nameEvidence = remembered(evidenceOf);

export function parseLines(lines: string[], links: TextLink[], source: string, method: CaptureMethod, selection = false): ParsedText {
  const n = Math.min(lines.length, MAX_TEXT_LINES);
  const hits: PersonHit[] = [];
  const used = new Set<number>();
  const emails: ParsedText['emails'] = [];
  const phones: ParsedText['phones'] = [];
  const websites: string[] = [];

  // Link targets first: a mailto: href is more deliberate than the text shown for it.
  for (const l of links) if (/^mailto:/i.test(l.href)) emails.push({ value: stripMailto(l.href), line: l.line });
  const linkEmailLines = new Set(emails.map((e) => e.line));
  for (let i = 0; i < n; i++) {
    const line = lines[i];
    if (!linkEmailLines.has(i)) for (const e of findEmails(line)) emails.push({ value: e, line: i });
    for (const p of findPhones(line)) phones.push({ ...p, line: i });
    const url = URL_IN_TEXT.exec(line);
    if (url && !line.includes('@')) websites.push(url[0].replace(/[.,;]+$/, ''));
  }
  for (const l of links) {
    if (!/^mailto:/i.test(l.href)) {
      const number = cleanText(l.href.replace(/^(tel|callto):/i, '').split('?')[0], 40);
      if (digitsOf(number).length >= 7) phones.push({ number: decodeSafe(number), kind: 'phone', labelled: true, line: l.line });
    }
  }

  const emailsByLine = new Map<number, string[]>();
  for (const e of emails) emailsByLine.set(e.line, [...(emailsByLine.get(e.line) ?? []), e.value]);
  // On pages a name needs support: a common given name, a salutation or credentials, or an
  // email that fits it. In a selection the rep chose the text, so the shape is enough.
  const believable = (raw: string, i: number): string | undefined => {
    const ev = nameEvidence(raw);
    if (!ev) return undefined;
    if (selection || ev.known || ev.marked || nearContact(i, emailsByLine, ev.name) || nearContact(i - 4, emailsByLine, ev.name)) return ev.name;
    return undefined;
  };
  const add = (line: number, name: string, title: string | undefined, strength: number, ...lineIdx: number[]) => {
    hits.push({ line, name, title, strength });
    for (const k of [line, ...lineIdx]) used.add(k);
  };
  for (let i = 0; i < n; i++) {
    const line = lines[i];
    // Every rule below needs a capitalised word followed by another word.
    if (line.length > 120 || !/\p{Lu}\S*\s+\S/u.test(line)) continue;
    // "Title: Name" and labelled names.
    const labelled = LABELLED_NAME.exec(line);
    const labelledName = labelled && believable(labelled[2], i);
    if (labelled && labelledName) {
      add(i, labelledName, isJobTitle(labelled[1]) ? labelled[1] : undefined, 3);
      continue;
    }
    const colon = /^([^:]{2,60}):\s*(.{4,60})$/.exec(line);
    const colonName = colon && isJobTitle(colon[1]) && believable(colon[2], i);
    if (colon && colonName) {
      add(i, colonName, colon[1].trim(), 3);
      continue;
    }
    // "Name (Title)", "Name, Title", "Name - Title", "Title, Name".
    const paren = /^(.{4,48}?)\s*\(([^)]{2,60})\)$/.exec(line);
    const parenName = paren && isJobTitle(paren[2]) && believable(paren[1], i);
    if (paren && parenName) {
      add(i, parenName, paren[2], 3);
      continue;
    }
    const parts = line.split(SPLIT);
    if (parts.length >= 2 && parts.length <= 4) {
      const name = believable(parts[0], i);
      const rest = parts.slice(1).join(', ');
      if (name && isJobTitle(rest) && !asPersonName(rest)) {
        add(i, name, rest, 3);
        continue;
      }
      const rname = believable(parts[parts.length - 1], i);
      const lead = parts.slice(0, -1).join(', ');
      if (rname && isJobTitle(lead) && !asPersonName(lead) && !/,/.test(line)) {
        add(i, rname, lead, 3);
        continue;
      }
    }
    // "Kim Wood Office Manager".
    const leading = leadingName(line);
    if (leading && isJobTitle(leading.rest) && !asPersonName(leading.rest)) {
      add(i, leading.name, leading.rest, 3);
      continue;
    }
    // A name on its own line, with a title next to it.
    const name = believable(line, i);
    if (!name) continue;
    const next = lines[i + 1];
    const prev = lines[i - 1];
    if (next !== undefined && isJobTitle(next) && !asPersonName(next)) add(i, name, next, 3, i + 1);
    else if (prev !== undefined && !used.has(i - 1) && isJobTitle(prev) && !asPersonName(prev) && prev.length < 50) add(i, name, prev.replace(/[:\-–]\s*$/, ''), 3, i - 1);
    else if (nameEvidence(line)?.marked || nearContact(i, emailsByLine, name) || (selection && hits.length === 0)) add(i, name, undefined, 2);
    else if (nameEvidence(line)?.known && name.split(' ').length <= 3 && (listOfNames(lines, i - 1) || listOfNames(lines, i + 1))) add(i, name, undefined, 2);
  }
  // Names in running text ("Caroline Rahier is our recruitment officer"): the weakest evidence.
  if (!selection) {
    const seen = new Set(hits.map((h) => h.name.toLowerCase()));
    for (let i = 0; i < n && hits.length < 100; i++) {
      if (used.has(i) || !/\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(lines[i])) continue;
      const found = namesInText(lines[i]);
      // A sentence naming three or more people ("with Celine Dion, Josh Groban, David Foster &
      // others") mentions guests or artists; contacts are listed one to a line.
      if (found.length >= 3) continue;
      for (const name of found) {
        if (seen.has(name.toLowerCase())) continue;
        seen.add(name.toLowerCase());
        hits.push({ line: i, name, strength: 1 });
      }
    }
    hits.sort((a, b) => a.line - b.line);
  }

  const addresses = findAddresses(lines.slice(0, n));
  const kept = selection ? hits : hits.filter((h) => h.strength >= 3 || (!brandName(lines, n, h.name) && !inPlaceList(lines, h.line, h.name)));
  const emailsAt = byLine(emails, (e) => e.line);
  const phonesAt = byLine(phones, (p) => p.line);
  const addressesAt = byLine(addresses, (a) => a.at);
  const people = kept.slice(0, 100).map((hit, k) => {
    const end = Math.min(kept[k + 1]?.line ?? n, hit.line + 8);
    const start = hit.line;
    const fields: CandidateFields = {};
    const put = (key: keyof CandidateFields, value: string | undefined) => {
      const v = cleanText(value, 200);
      if (v && !fields[key]) fields[key] = { value: v, method, source };
    };
    const parts = splitName(hit.name);
    put('salutation', parts?.salutation);
    put('firstname', parts?.firstname);
    put('middlename', parts?.middlename);
    put('lastname', parts?.lastname);
    put('jobtitle', hit.title);
    // The block's details in the order of their lists, found by line (not by scanning every list
    // once per person: 100 people times a long page's emails and phones; issue #13).
    const blockEmails = emailsAt.inBlock(start, end);
    const email = blockEmails.find((e) => emailFitsName(e.value, hit.name)) ?? blockEmails[0];
    put('emailaddress1', email?.value);
    for (const p of phonesAt.inBlock(start, end)) put(p.kind === 'fax' ? 'fax' : p.kind === 'mobile' ? 'mobilephone' : 'telephone1', p.number);
    const adr = addressesAt.inBlock(start, end)[0];
    if (adr) putAddress(put, adr);
    return { kind: 'person' as const, fields, score: hit.strength };
  });

  let company: string | undefined;
  if (selection) company = companyLine(lines, hits, emails, phones, addresses);
  return { people, emails, phones, addresses, websites, company };
}

/** A list's entries looked up by line; `inBlock` keeps the list's own order. */
function byLine<T>(list: T[], lineOf: (x: T) => number) {
  const at = new Map<number, number[]>();
  list.forEach((x, i) => {
    const line = lineOf(x);
    const idx = at.get(line);
    if (idx) idx.push(i);
    else at.set(line, [i]);
  });
  return {
    inBlock(start: number, end: number): T[] {
      const idx: number[] = [];
      for (let line = start; line < end; line++) idx.push(...(at.get(line) ?? []));
      return idx.sort((a, b) => a - b).map((i) => list[i]);
    },
  };
}

export function putAddress(put: (key: keyof CandidateFields, value: string | undefined) => void, a: FoundAddress): void {
  put('address1_line1', a.line1);
  put('address1_line2', a.line2);
  put('address1_city', a.city);
  put('address1_stateorprovince', a.state);
  put('address1_postalcode', a.postalcode);
  put('address1_country', a.country);
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * A person-shaped name the page also uses to start longer capitalised phrases ("John Guest
 * Speedfit Pipe", "Calvin Klein Jeans") is a brand or company named after someone.
 */
function brandName(lines: string[], n: number, name: string): boolean {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const after = new RegExp(`(?:^|[^\\p{L}])${esc}\\s+(\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)?)`, 'u');
  // Used as a person in a sentence ("about Paul Wilkinson and his practice"): a person after all.
  const prose = new RegExp(`${esc}(?:\\s+\\p{Ll}|[,;]\\s+\\p{Ll})`, 'u');
  let seen = 0;
  for (let i = 0; i < Math.min(n, 3_000); i++) {
    if (!lines[i].includes(name)) continue;
    if (prose.test(lines[i])) return false;
    const m = after.exec(lines[i]);
    if (m && !isJobTitle(m[1]) && !isJobTitle(lines[i].slice((m.index ?? 0) + m[0].length - m[1].length))) seen++;
  }
  return seen >= 2;
}

/** A name alone in a list of one-word entries (countries, regions: "Jamaica, Jan Mayen, Japan"). */
function inPlaceList(lines: string[], i: number, name: string): boolean {
  if (lines[i].trim() !== name) return false;
  const single = (l: string | undefined) => l !== undefined && /^\p{Lu}\p{Ll}+$/u.test(l.trim());
  return single(lines[i - 1]) && single(lines[i + 1]);
}

/** A neighbouring line that is also a name with a common given name: a list of people. */
function listOfNames(lines: string[], i: number): boolean {
  const line = lines[i];
  return line !== undefined && line.length <= 60 && line.split(' ').length <= 3 && !!nameEvidence(line)?.known;
}

/** An email that fits the name within the next three lines. */
function nearContact(i: number, emailsByLine: Map<number, string[]>, name: string): boolean {
  for (let k = Math.max(0, i + 1); k <= i + 3; k++) for (const e of emailsByLine.get(k) ?? []) if (emailFitsName(e, name)) return true;
  return false;
}

/** jsmith@, john.smith@, john@ and smithj@ all fit "John Smith". */
export function emailFitsName(email: string, name: string): boolean {
  const local = email.split('@')[0].toLowerCase().replace(/[^a-z]/g, '');
  const words = name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[\s-]+/).map((w) => w.replace(/[^a-z]/g, '')).filter((w) => w.length > 1);
  if (!local || words.length < 1) return false;
  const [firstName, lastName] = [words[0], words[words.length - 1]];
  return local.includes(lastName) || local === firstName || local.startsWith(firstName) && local.length <= firstName.length + 2;
}

/** In a signature, the organization's line: a legal-form suffix, or the line after the title. */
function companyLine(lines: string[], hits: PersonHit[], emails: ParsedText['emails'], phones: ParsedText['phones'], addresses: FoundAddress[]): string | undefined {
  const taken = new Set<number>();
  for (const e of emails) taken.add(e.line);
  for (const p of phones) taken.add(p.line);
  for (const a of addresses) {
    taken.add(a.at);
    if (a.line1 && lines[a.at - 1]?.includes(a.line1)) taken.add(a.at - 1);
  }
  const usable = (i: number) => !taken.has(i) && lines[i] && lines[i].length <= 80 && !URL_IN_TEXT.test(lines[i]) && !asPersonName(lines[i]) && !isJobTitle(lines[i]);
  for (let i = 0; i < Math.min(lines.length, 40); i++) if (COMPANY_SUFFIX.test(lines[i]) && lines[i].length <= 80 && !taken.has(i) && !lines[i].includes('@')) return lines[i].replace(/^(at|@|w|z)\s+/i, '');
  const hit = hits[0];
  if (!hit) return undefined;
  const after = hit.title ? hit.line + (lines[hit.line + 1] === hit.title ? 2 : 1) : hit.line + 1;
  if (usable(after) && !/\d{3}/.test(lines[after])) return lines[after];
  return undefined;
}

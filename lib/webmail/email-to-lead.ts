// Turns an open email into the lead form's prefill: the sender rules of issue #7 (display name ->
// first/last, company from the signature else the domain unless free-mail, sender address ->
// emailaddress1, lead source and provenance "email") plus the email as a Timeline note.
import { analyzeEmail } from '../signature/extract-signature';
import type { SignaturePhone } from '../signature/parse-signature';
import type { SignatureReadPolicy } from '../signature/read-policy';
import type { LeadFieldName, Provenance } from '../leads/schema';
import { leadTextLimits } from '../leads/schema';
import { splitPersonName } from '../text/person-name';
import { safeWebUrl } from '../text/web-url';
import { emailDomain } from '../text/free-mail';
import { isTollFree, normalizePhone } from '../text/phone';
import { addressFields } from './address-fields';
import { companyFromDomain, websiteFromDomain } from './company-from-domain';
import type { MailParty, WebmailMessage } from './types';

/** Out of the box Dynamics has no "Email" lead source; "Other" (10) is the closest, and
 * provenance.origin = 'email' records the real source. */
export const EMAIL_LEAD_SOURCE = '10';
/** The note keeps the email text up to this many characters. */
export const NOTE_TEXT_LIMIT = 10_000;

export interface EmailNote {
  subject: string;
  notetext: string;
}

export interface EmailPrefill {
  values: Partial<Record<LeadFieldName, string>>;
  provenance: Provenance;
  note: EmailNote;
  /** Whose lead this is (the original author for a forwarded email). */
  person: MailParty;
  fromForward: boolean;
}

const COUNTRY_BY_TLD: Record<string, 'PL' | 'DE' | 'GB' | 'FR' | 'CZ' | 'US' | 'CA' | 'NL' | 'IT' | 'ES'> = {
  pl: 'PL', de: 'DE', uk: 'GB', fr: 'FR', cz: 'CZ', us: 'US', ca: 'CA', nl: 'NL', it: 'IT', es: 'ES',
};

/** "Re: Fwd: Oferta" -> "Oferta" (English, Polish and Outlook's localized prefixes). */
export function cleanSubject(subject: string): string {
  // One whitespace run between prefixes, not two adjacent ones: no backtracking over spaces (#18).
  return subject.replace(/^\s*(?:(?:re|fw|fwd|odp|pd|aw|wg|tr|sv|vs)\s*(?:\[\d+\]\s*)?:\s*)+/i, '').trim();
}

function limit(field: LeadFieldName, value: string | undefined): string | undefined {
  const v = value?.replace(/\s+/g, ' ').trim();
  if (!v) return undefined;
  const max = leadTextLimits[field];
  return max && v.length > max ? v.slice(0, max).trim() : v;
}

function phoneText(p: SignaturePhone, country: string, max: number): string {
  const n = normalizePhone(p.number, country as 'PL');
  const text = n ? (n.display.length <= max ? n.display : n.e164) : p.number;
  const withExt = p.extension && text.length + p.extension.length + 6 <= max ? `${text} ext. ${p.extension}` : text;
  return withExt.slice(0, max);
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase();

/**
 * Outlook address books often show "Wróbel Agnieszka" (last name first, mixed case). When the
 * signature says "Agnieszka Wróbel" or the address is agnieszka.wrobel@…, read it as "Wróbel, Agnieszka".
 */
export function orderByEvidence(display: string, signatureName: string | undefined, email: string | undefined): string {
  const words = display.trim().split(/\s+/);
  if (words.length !== 2 || display.includes(',')) return display;
  const [a, b] = words.map(fold);
  const sig = signatureName ? fold(signatureName).split(/\s+/) : [];
  const local = email ? fold(email.split('@')[0]).split(/[._-]+/) : [];
  const swapped = (sig.length === 2 && sig[0] === b && sig[1] === a) || (local.length >= 2 && local[0] === b && local[local.length - 1] === a) || (local.length === 1 && local[0] === b[0] + a);
  return swapped ? `${words[0]}, ${words[1]}` : display;
}

/** A readable name from an address's local part when there is no display name ("jan.kowalski"). */
function nameFromAddress(email: string | undefined): string | undefined {
  const local = email?.split('@')[0];
  if (!local || !/^[\p{L}]+[._-][\p{L}]+$/u.test(local)) return undefined;
  return local.split(/[._-]/).map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
}

export function emailToLead(message: WebmailMessage, now = new Date(), policy?: SignatureReadPolicy): EmailPrefill {
  const analysis = analyzeEmail(message.bodyText, message.sender, { forwarded: /^\s*(?:fw|fwd|pd)\s*:/i.test(message.subject), policy });
  const person = analysis.person;
  const sig = analysis.signature?.fields;
  const values: EmailPrefill['values'] = {};
  const fields: Provenance['fields'] = {};
  const source = message.url;
  const set = (field: LeadFieldName, value: string | undefined, method: 'email' | 'signature') => {
    const v = limit(field, value);
    if (!v || values[field]) return;
    values[field] = v;
    fields[field] = { method, source };
  };

  // Name: the display name; a signature name when the display name is only an address.
  const display = person.name && !/@/.test(person.name) ? person.name : undefined;
  const nameSource = display ?? sig?.name ?? nameFromAddress(person.email);
  const nameMethod = display || !sig?.name ? 'email' : 'signature';
  if (nameSource) {
    const parts = splitPersonName(nameSource === display ? orderByEvidence(display, sig?.name, person.email) : nameSource);
    set('salutation', parts.salutation, nameMethod);
    set('firstname', parts.firstname, nameMethod);
    set('middlename', parts.middlename, nameMethod);
    set('lastname', parts.lastname, nameMethod);
  }
  set('emailaddress1', person.email, 'email');
  if (sig?.email && sig.email.toLowerCase() !== person.email?.toLowerCase()) set('emailaddress2', sig.email, 'signature');
  set('jobtitle', sig?.title, 'signature');

  const domain = person.email ? emailDomain(person.email) : undefined;
  set('companyname', sig?.company, 'signature');
  set('companyname', companyFromDomain(domain), 'email');

  const tld = domain?.split('.').pop() ?? '';
  const polish = /[ąćęłńóśźż]/i.test(message.bodyText) || tld === 'pl';
  const country = COUNTRY_BY_TLD[tld] ?? (polish ? 'PL' : 'US');
  // A toll-free support line in a signature is the company's desk, not the sender's: never their
  // Business or Mobile Phone, at most the Other Phone (issue #14). A fax keeps its own field.
  const tollFree = (p: SignaturePhone) => isTollFree(p.number, country as 'PL');
  const phones = sig?.phones ?? [];
  const work = phones.filter((p) => p.kind === 'work' && !tollFree(p));
  const byKind = (k: SignaturePhone['kind']) => phones.find((p) => p.kind === k && !tollFree(p));
  const support = phones.find((p) => (p.kind === 'work' || p.kind === 'mobile') && tollFree(p));
  if (work[0]) set('telephone1', phoneText(work[0], country, 50), 'signature');
  const mobile = byKind('mobile');
  if (mobile) set('mobilephone', phoneText(mobile, country, 20), 'signature');
  const home = byKind('home');
  if (home) set('telephone2', phoneText(home, country, 50), 'signature');
  const other = work[1] ?? support;
  if (other) set('telephone3', phoneText(other, country, 50), 'signature');
  const fax = byKind('fax');
  if (fax) set('fax', phoneText(fax, country, 50), 'signature');

  set('websiteurl', sig?.website ? safeWebUrl(sig.website) : undefined, 'signature');
  set('websiteurl', websiteFromDomain(domain), 'email');
  for (const [k, v] of Object.entries(addressFields(sig?.address ?? [])) as [LeadFieldName, string][]) set(k, v, 'signature');

  const topic = cleanSubject(message.subject) || `Email from ${display ?? person.email ?? ''}`.trim();
  set('subject', topic, 'email');
  values.leadsourcecode = EMAIL_LEAD_SOURCE;
  fields.leadsourcecode = { method: 'email', source };

  return {
    values,
    provenance: { origin: 'email', sourceUrl: source.slice(0, 2048), pageTitle: message.subject.slice(0, 500) || undefined, capturedAt: now.toISOString(), fields },
    note: emailNote(message),
    person,
    fromForward: analysis.fromForward,
  };
}

function partyText(p: MailParty): string {
  return p.name && p.email ? `${p.name} <${p.email}>` : (p.email ?? p.name ?? '');
}

/** The email as a Timeline note: subject, date, a link back to it, and its text up to a limit. */
export function emailNote(message: WebmailMessage): EmailNote {
  const head = [
    `From: ${partyText(message.sender)}`,
    message.to.length ? `To: ${message.to.map(partyText).join(', ')}` : '',
    message.cc.length ? `Cc: ${message.cc.map(partyText).join(', ')}` : '',
    `Date: ${message.date ?? message.dateText ?? ''}`,
    `Subject: ${message.subject}`,
    `Link: ${message.url}`,
  ].filter((l) => l && !/: $/.test(l));
  let text = message.bodyText.trim();
  if (text.length > NOTE_TEXT_LIMIT) text = `${text.slice(0, NOTE_TEXT_LIMIT).trimEnd()}\n[…]`;
  return { subject: `Email: ${message.subject || '(no subject)'}`.slice(0, 500), notetext: `${head.join('\n')}\n\n${text}` };
}

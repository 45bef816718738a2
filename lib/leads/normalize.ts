// Step one of the save pipeline (issue #4): tidy a validated draft so that the same person,
// phone or company always reads the same. Never drops what the rep typed: a value that cannot
// be normalised is kept as written and reported as an issue.
import type { CountryCode } from 'libphonenumber-js/min';
import * as z from 'zod/mini';
import { emailAddresses } from '../text/email-address';
import { splitPersonName } from '../text/person-name';
import { safeWebUrl } from '../text/web-url';
import { hasCountryCode, normalizePhone, phoneText } from '../text/phone';
import { normalizeCity, normalizePostalCode, normalizeProvince, normalizeStreetLine, voivodeship } from './normalize-address';
import { countryCode, normalizeCountry } from './normalize-country';
import { caseName, isParticle } from './normalize-name';
import { leadTextLimits, type LeadDraft, type LeadFieldName } from './schema';

export const phoneFields = ['telephone1', 'telephone2', 'telephone3', 'mobilephone', 'fax'] as const;
export type PhoneField = (typeof phoneFields)[number];
export type PhoneE164 = Partial<Record<PhoneField, string>>;

export interface NormalizeOptions {
  /** For numbers written without a country code (settings; PL by default). */
  defaultCountry: CountryCode;
}

export interface NormalizeIssue {
  field: LeadFieldName;
  /** phone_unchecked: a number without a country code that does not fit the default country,
   * on a lead whose own country is not known; it may well be right, so it is not "invalid". */
  code: 'email_invalid' | 'phone_invalid' | 'phone_unchecked' | 'url_invalid';
}

export interface NormalizedLead<L extends LeadDraft = LeadDraft> {
  lead: L & { phoneE164: PhoneE164 };
  issues: NormalizeIssue[];
  /** Phones as the rep or the file wrote them, where that differs from the stored form (for provenance). */
  typed: Partial<Record<PhoneField, string>>;
}

const multiLine: ReadonlySet<LeadFieldName> = new Set(['description', 'qualificationcomments']);
const emailFields = ['emailaddress1', 'emailaddress2', 'emailaddress3'] as const;
const emailCheck = z.email();

function tidy(value: string, keepLines: boolean): string {
  if (!keepLines) return value.replace(/\s+/g, ' ').trim();
  return value
    .split(/\r?\n/)
    .map((l) => l.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** "www.Acme.pl/kontakt?x=1" -> "https://www.acme.pl"; undefined when it is not a web address. */
export function websiteOrigin(raw: string): string | undefined {
  const web = safeWebUrl(raw);
  if (!web) return undefined;
  const url = new URL(web);
  return url.hostname.includes('.') || url.hostname === 'localhost' ? url.origin : undefined;
}

export function normalizeEmail(raw: string): { value: string; valid: boolean } {
  // The same reader as the lead model and the never-capture check (issue #18).
  const [address, ...more] = emailAddresses(raw);
  const value = address ?? raw.trim().toLowerCase();
  return { value, valid: !!address && !more.length && emailCheck.safeParse(value).success };
}

/** Splits "Jan Kowalski" typed into the last-name box when no first name was given. */
function splitIfWholeName(lead: LeadDraft): Pick<LeadDraft, 'firstname' | 'middlename' | 'lastname' | 'salutation'> {
  const { firstname, middlename, lastname, salutation } = lead;
  if (firstname || !lastname.includes(' ') || isParticle(lastname.split(' ')[0])) return { firstname, middlename, lastname, salutation };
  const parts = splitPersonName(lastname);
  if (!parts.lastname || !parts.firstname) return { firstname, middlename, lastname, salutation };
  return { firstname: parts.firstname, middlename: parts.middlename ?? middlename, lastname: parts.lastname, salutation: salutation ?? parts.salutation };
}

const clip = (field: LeadFieldName, v: string | undefined) => {
  const max = leadTextLimits[field];
  return v && max && v.length > max ? v.slice(0, max) : v;
};

export function normalizeLead<L extends LeadDraft>(draft: L, options: NormalizeOptions): NormalizedLead<L> {
  const issues: NormalizeIssue[] = [];
  const lead = { ...draft } as L & { phoneE164: PhoneE164 };
  const text = lead as unknown as Record<string, unknown>;

  for (const [field, value] of Object.entries(lead)) {
    if (typeof value === 'string' && field in leadTextLimits) {
      text[field] = tidy(value, multiLine.has(field as LeadFieldName)) || undefined;
    }
  }
  if (!lead.lastname) lead.lastname = draft.lastname.trim(); // required: never blank it

  Object.assign(lead, splitIfWholeName(lead));
  lead.firstname = caseName(lead.firstname);
  lead.middlename = caseName(lead.middlename);
  lead.lastname = caseName(lead.lastname) ?? lead.lastname;

  for (const field of emailFields) {
    const raw = lead[field];
    if (!raw) continue;
    const { value, valid } = normalizeEmail(raw);
    lead[field] = value;
    if (!valid) issues.push({ field, code: 'email_invalid' });
  }

  const country = countryCode(lead.address1_country) as CountryCode | undefined;
  const polish = (country ?? (lead.address1_country ? undefined : options.defaultCountry)) === 'PL';
  // A number without a country code belongs to the lead's country when we know it.
  const phoneCountry = country ?? options.defaultCountry;
  const e164: PhoneE164 = {};
  const typed: NormalizedLead['typed'] = {};
  for (const field of phoneFields) {
    const raw = lead[field];
    if (!raw) continue;
    const phone = normalizePhone(raw, phoneCountry) ?? (phoneCountry !== options.defaultCountry ? normalizePhone(raw, options.defaultCountry) : undefined);
    if (phone) {
      e164[field] = phone.e164;
      // Issue #16: one international form everywhere ("+48 643 901 730"); the typed form goes to provenance.
      // A number that fits no country is never parsed, so never rewritten into the default country's form.
      const shown = phone.display.length <= (leadTextLimits[field] ?? Infinity) ? phone.display : phone.e164;
      if (shown !== raw) typed[field] = raw;
      lead[field] = shown;
    } else issues.push({ field, code: phoneIssue(raw, country) });
  }
  lead.phoneE164 = e164;

  if (lead.websiteurl) {
    const origin = websiteOrigin(lead.websiteurl);
    if (origin) lead.websiteurl = origin;
    else issues.push({ field: 'websiteurl', code: 'url_invalid' });
  }

  lead.address1_country = clip('address1_country', normalizeCountry(lead.address1_country));
  lead.address1_line1 = normalizeStreetLine(lead.address1_line1, polish);
  lead.address1_line2 = normalizeStreetLine(lead.address1_line2, polish);
  lead.address1_line3 = normalizeStreetLine(lead.address1_line3, polish);
  lead.address1_city = normalizeCity(lead.address1_city);
  // Issue #16: "98052" on a lead with no country stays as typed under a Polish default; it is a
  // Polish code only when the lead is in Poland or its address is written the Polish way.
  lead.address1_postalcode = normalizePostalCode(lead.address1_postalcode, country === 'PL' || (polish && writtenPolish(lead)));
  lead.address1_stateorprovince = normalizeProvince(lead.address1_stateorprovince, polish);
  return { lead, issues, typed };
}

/** Without a country of its own, a number that fits no default is kept unchecked, not called wrong. */
function phoneIssue(raw: string, leadCountry: CountryCode | undefined): NormalizeIssue['code'] {
  const text = phoneText(raw);
  return text && !leadCountry && !hasCountryCode(text) ? 'phone_unchecked' : 'phone_invalid';
}

const POLISH_STREET = /^(ul\.?|ulica|al\.|aleja|aleje|pl\.|plac|os\.|osiedle)\s/i;

/** Signs, other than the country field, that an address is Polish: a Polish street prefix or a
 * voivodeship. */
function writtenPolish(lead: LeadDraft): boolean {
  const lines = [lead.address1_line1, lead.address1_line2, lead.address1_line3];
  if (lines.some((l) => l && POLISH_STREET.test(l))) return true;
  return !!lead.address1_stateorprovince && voivodeship(lead.address1_stateorprovince) !== undefined;
}

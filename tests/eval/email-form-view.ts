// The lead form as the popup prefills it from an open email (issue #14): emailToLead's values,
// scored against the annotated signature of the email, field by field, as a rep would see them.
import { emailToLead } from '../../lib/webmail/email-to-lead';
import type { MailParty } from '../../lib/webmail/types';
import { nameTokens, sameCompany, samePerson, type Rate } from './form-view';

export interface GoldSignature {
  name?: string;
  position?: string;
  organisation?: string;
  phone?: string[];
  mail?: string[];
}

export const emailFields = ['name', 'title', 'company', 'phone', 'email'] as const;
export type EmailField = (typeof emailFields)[number];
export type EmailFormFigures = Record<EmailField, Rate>;

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').replace(/^[\s,.;:*>-]+|[\s,.;:*>-]+$/g, '').trim();
// The form shows "+44 20 7946 0000 ext. 12" for "+44 (0)20 7946 0000": the same line; the extension
// and the "(0)" trunk prefix are not what makes a number right or wrong (#14).
const digits = (s: string) => s.replace(/\s*(?:ext\.?|x)\s*\d{1,5}\s*$/i, '').replace(/\(0\)/g, '').replace(/\D/g, '');
export const samePhone = (a: string, b: string) => {
  const x = digits(a);
  const y = digits(b);
  return x === y || (Math.min(x.length, y.length) >= 7 && (x.endsWith(y) || y.endsWith(x)));
};

export function emptyEmailFigures(): EmailFormFigures {
  return { name: [0, 0], title: [0, 0], company: [0, 0], phone: [0, 0], email: [0, 0] };
}

/** The annotated signatures that are the sender's own (a thread also holds quoted people's). */
export function sendersSignatures(sender: MailParty, all: GoldSignature[]): GoldSignature[] {
  const address = sender.email?.toLowerCase();
  const surname = sender.name ? nameTokens(sender.name.replace(/^([^,]+),\s*(.+)$/, '$2 $1')).pop() : undefined;
  return all.filter((g) => (address && g.mail?.some((m) => m.toLowerCase() === address)) || (surname && g.name && nameTokens(g.name).pop() === surname));
}

/** Adds one email's form to the figures: a field counts where the sender's signature has it. */
export function scoreEmailForm(into: EmailFormFigures, sender: MailParty, body: string, annotated: GoldSignature[]): void {
  const gold = sendersSignatures(sender, annotated);
  const { values } = emailToLead({ client: 'gmail', key: 'eval', sender, to: [], cc: [], subject: '', bodyText: body, url: 'https://mail.google.com/mail/u/0/#inbox/eval' });
  const count = (field: EmailField, has: boolean, right: boolean) => {
    if (!has) return;
    into[field][1]++;
    if (right) into[field][0]++;
  };
  const names = gold.map((g) => g.name).filter((n): n is string => !!n);
  const titles = gold.map((g) => g.position).filter((n): n is string => !!n);
  const companies = gold.flatMap((g) => (g.organisation ?? '').split('\n')).filter((n) => n.trim());
  const phones = gold.flatMap((g) => g.phone ?? []);
  const mails = gold.flatMap((g) => g.mail ?? []).map((m) => m.toLowerCase());
  count('name', names.length > 0, !!values.lastname && names.some((n) => samePerson(values.firstname, values.lastname, n)));
  count('title', titles.length > 0, !!values.jobtitle && titles.some((t) => fold(t) === fold(values.jobtitle!)));
  count('company', companies.length > 0, !!values.companyname && companies.some((c) => sameCompany(values.companyname!, c)));
  const shown = [values.telephone1, values.mobilephone, values.telephone2, values.telephone3].filter((p): p is string => !!p);
  count('phone', phones.length > 0, shown.some((p) => phones.some((g) => samePhone(p, g))));
  const emails = [values.emailaddress1, values.emailaddress2].filter((e): e is string => !!e).map((e) => e.toLowerCase());
  count('email', mails.length > 0, emails.some((e) => mails.includes(e)));
}

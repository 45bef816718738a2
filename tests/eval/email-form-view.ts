// The lead form as the popup prefills it from an open email (issue #14): emailToLead's values,
// scored against the annotated signature of the email, field by field, as a rep would see them.
// The same figures cross-validated by sender: the email's reading policy is chosen on k-1 folds
// of senders and scored on the held-out fold.
import { emailToLead } from '../../lib/webmail/email-to-lead';
import { signatureReadPolicy, type SignatureReadPolicy } from '../../lib/signature/read-policy';
import type { MailParty } from '../../lib/webmail/types';
import { bestOf, crossValidateFolds, foldsByGroup, rateOf, type CrossValidated, type Rate } from './cross-validation';
import { nameTokens, sameCompany, samePerson } from './form-view';

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
export function scoreEmailForm(into: EmailFormFigures, sender: MailParty, body: string, annotated: GoldSignature[], policy?: SignatureReadPolicy): void {
  const gold = sendersSignatures(sender, annotated);
  const message = { client: 'gmail' as const, key: 'eval', sender, to: [], cc: [], subject: '', bodyText: body, url: 'https://mail.google.com/mail/u/0/#inbox/eval' };
  const { values } = emailToLead(message, new Date(0), policy);
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

/** One evaluated email: who sent it, its text as the mail client shows it, its annotated signatures. */
export interface EmailRecord {
  id: string;
  sender: MailParty;
  body: string;
  signatures: GoldSignature[];
}

/**
 * The fold group of an email: its sender's address. Not the sender's domain: in the Enron set
 * most emails come from one domain, so by domain one fold would hold nearly all of them; a
 * sender writes the same signature every time, which is what a rule could be fitted to.
 */
export const senderGroup = (r: EmailRecord) => (r.sender.email ?? r.sender.name ?? r.id).trim().toLowerCase();

// emailToLead is pure: an email read with one policy scores the same every time it is asked.
const memo = new WeakMap<EmailRecord, Map<string, EmailFormFigures>>();
function scoreOne(r: EmailRecord, policy: SignatureReadPolicy | undefined): EmailFormFigures {
  const key = JSON.stringify(policy ?? null);
  let byPolicy = memo.get(r);
  if (!byPolicy) memo.set(r, (byPolicy = new Map()));
  let f = byPolicy.get(key);
  if (!f) {
    f = emptyEmailFigures();
    scoreEmailForm(f, r.sender, r.body, r.signatures, policy);
    byPolicy.set(key, f);
  }
  return f;
}

/** The form figures of these emails read with this policy (the shipped one when none is given). */
export function scoreEmailForms(records: readonly EmailRecord[], policy?: SignatureReadPolicy): EmailFormFigures {
  const sum = emptyEmailFigures();
  for (const r of records) {
    const f = scoreOne(r, policy);
    for (const field of emailFields) {
      sum[field][0] += f[field][0];
      sum[field][1] += f[field][1];
    }
  }
  return sum;
}

/** What a policy is chosen for: the mean of the five rates the rep sees. */
export const emailObjective = (f: EmailFormFigures) => emailFields.reduce((s, field) => s + rateOf(f[field]), 0) / emailFields.length;

/** The best policy of the grid on these emails (ties: the first listed). */
export function chooseEmailPolicy(records: readonly EmailRecord[], grid: readonly SignatureReadPolicy[]): SignatureReadPolicy {
  return bestOf(records, grid, (items, p) => emailObjective(scoreEmailForms(items, p)));
}

/** Senders in k folds, the same every run, balanced by the emails that carry the sender's signature. */
export const foldsBySender = (records: readonly EmailRecord[], k: number) => foldsByGroup(records, k, senderGroup, (r) => (sendersSignatures(r.sender, r.signatures).length ? 1 : 0));

/** k-fold cross-validation by sender: choose on k-1 folds, score the held-out fold, add up. */
export function crossValidateEmails(records: readonly EmailRecord[], k: number, grid: readonly SignatureReadPolicy[]): CrossValidated<EmailField, SignatureReadPolicy> {
  return crossValidateFolds(foldsBySender(records, k), grid, chooseEmailPolicy, scoreEmailForms);
}

const sameRules = (a: SignatureReadPolicy, b: SignatureReadPolicy) => JSON.stringify(a) === JSON.stringify(b);
/** The policies the cross-validation chooses from: every combination of the choosable rules, the
 * shipped one first (so a tie keeps what ships). */
export const EMAIL_POLICY_GRID: readonly SignatureReadPolicy[] = [
  signatureReadPolicy,
  ...[8, 10, 14, 20]
    .flatMap((maxSignatureLines) => [0, 40, 80].map((forwardOwnWords) => ({ maxSignatureLines, forwardOwnWords })))
    .flatMap((p) => [true, false].flatMap((earlierSignature) => [true, false].map((unlabelledTitleCompany) => ({ ...p, earlierSignature, unlabelledTitleCompany }))))
    .filter((p) => !sameRules(p, signatureReadPolicy)),
];
export { sameRules };

export const policyText = (p: SignatureReadPolicy) =>
  `signature <= ${p.maxSignatureLines} lines, forward when own text <= ${p.forwardOwnWords} words, ${p.earlierSignature ? '' : 'no '}earlier signature, ${p.unlabelledTitleCompany ? '' : 'no '}unlabelled title/company`;

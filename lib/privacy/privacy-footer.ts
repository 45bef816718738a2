// "Why and where" for the CRM (issue #8): one line saying the lawful basis and who captured the
// lead, when and from where. Pure, so the sync helper can call it while building the request body.
import type { LawfulBasis, LeadFields, Provenance } from '../leads/schema';

export type FooterLang = 'en' | 'pl';

/** Every footer starts with this, so a later sync replaces the line instead of adding another. */
export const FOOTER_MARK = '[LeadClip]';

const words = {
  en: {
    basis: 'Lawful basis',
    captured: 'Captured',
    by: 'by',
    source: 'Source',
    legitimate_interest: 'legitimate interest',
    consent: 'consent',
    contract: 'contract',
    manual: 'entered by hand',
    page: 'web page',
    selection: 'selected text',
    email: 'email',
    import: 'file import',
  },
  pl: {
    basis: 'Podstawa prawna',
    captured: 'Pozyskano',
    by: 'przez',
    source: 'Źródło',
    legitimate_interest: 'prawnie uzasadniony interes',
    consent: 'zgoda',
    contract: 'umowa',
    manual: 'wpisane ręcznie',
    page: 'strona WWW',
    selection: 'zaznaczony tekst',
    email: 'e-mail',
    import: 'import z pliku',
  },
} as const;

export interface FooterLead {
  provenance: Pick<Provenance, 'origin' | 'sourceUrl' | 'capturedAt' | 'capturedBy' | 'lawfulBasis'>;
}

export interface FooterOptions {
  lang?: FooterLang;
  /** Used when the lead predates lawful bases (the rep's default). */
  defaultBasis?: LawfulBasis;
}

const MAX_SOURCE = 500;

/** "[LeadClip] Lawful basis: consent · Captured 2026-11-27 14:02 UTC by jan@firma.pl · Source: web page https://…" */
export function privacyFooter(lead: FooterLead, { lang = 'en', defaultBasis = 'legitimate_interest' }: FooterOptions = {}): string {
  const w = words[lang];
  const p = lead.provenance;
  const at = p.capturedAt.slice(0, 16).replace('T', ' ') + ' UTC';
  const by = p.capturedBy ? ` ${w.by} ${oneLine(p.capturedBy)}` : '';
  const url = p.sourceUrl ? ` ${oneLine(p.sourceUrl).slice(0, MAX_SOURCE)}` : '';
  return `${FOOTER_MARK} ${w.basis}: ${w[p.lawfulBasis ?? defaultBasis]} · ${w.captured} ${at}${by} · ${w.source}: ${w[p.origin]}${url}`;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The description with the footer as its last line, replacing an older footer, within `max`. */
export function withPrivacyFooter(description: string | undefined, footer: string, max = 2000): string {
  const body = (description ?? '')
    .split('\n')
    .filter((line) => !line.startsWith(FOOTER_MARK))
    .join('\n')
    .trimEnd();
  if (!body) return footer.slice(0, max);
  const room = max - footer.length - 2;
  if (room <= 1) return footer.slice(0, max);
  const kept = body.length > room ? `${body.slice(0, room - 1)}…` : body;
  return `${kept}\n\n${footer}`;
}

/** Where the line goes: a note on the lead, nowhere, or a column the admin named (issue #17). */
export const CRM_LINE_NOTE = 'note';
export const CRM_LINE_OFF = 'off';

/**
 * The columns to send for a lead: the footer in the column the admin mapped (appended to the
 * description, should a caller still name that one); none for a note or 'off'.
 */
export function privacyColumns(
  lead: FooterLead & Pick<LeadFields, 'description'>,
  { crmField = CRM_LINE_NOTE, ...options }: FooterOptions & { crmField?: string } = {},
): Record<string, string> {
  if (crmField === CRM_LINE_NOTE || crmField === CRM_LINE_OFF) return {};
  const footer = privacyFooter(lead, options);
  if (crmField === 'description') return { description: withPrivacyFooter(lead.description, footer) };
  return { [crmField]: footer };
}

/** The note's title, in the rep's language. */
export function privacyNoteSubject(lang: FooterLang = 'en'): string {
  return `${FOOTER_MARK} ${words[lang].basis}`;
}

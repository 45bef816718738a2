// Issue #16: the conflict view lists only fields the rep or the CRM changed. The extension's own
// additions are not changes: the lawful-basis line appended to the description on sync, a flag the
// CRM stores as "No" where the lead has none, spacing.
import { leadFieldNames, leadFlagFields, type LeadFieldName } from '../leads/schema';
import { leadOptionSets, optionLabel, type LeadOptionSetName } from '../leads/option-sets';
import { FOOTER_MARK } from '../privacy/privacy-footer';

const flags = new Set<string>(leadFlagFields);

/** The description without LeadClip's lawful-basis line (lib/privacy/privacy-footer.ts). */
export function withoutFooter(text: string): string {
  return text.split('\n').filter((line) => !line.startsWith(FOOTER_MARK)).join('\n').trim();
}

function comparable(field: string, v: unknown): string {
  if (v === undefined || v === null || v === '' || (v === false && flags.has(field))) return '';
  if (field === 'description') return withoutFooter(String(v)).replace(/\s+/g, ' ');
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim();
  return JSON.stringify(v);
}

/** The lead fields whose values differ between the rep's version and the CRM's. */
export function conflictFields(mine: Readonly<Record<string, unknown>>, crm: Readonly<Record<string, unknown>>): LeadFieldName[] {
  return leadFieldNames.filter((f) => comparable(f, mine[f]) !== comparable(f, crm[f]));
}

/** A value as the form shows it: choices by label, flags as yes/no, the description without the footer. */
export function conflictValue(field: LeadFieldName, v: unknown, lang: 'en' | 'pl', yesNo: [string, string]): string {
  if (v === undefined || v === null || v === '') return '—';
  if (field in leadOptionSets && typeof v === 'number') return optionLabel(leadOptionSets[field as LeadOptionSetName], v, lang);
  if (typeof v === 'boolean') return v ? yesNo[0] : yesNo[1];
  if (field === 'description') return withoutFooter(String(v)) || '—';
  return String(v);
}

// The org's own lead form (issue #17): which lead columns it made required (RequiredLevel
// ApplicationRequired, its custom columns included) and their display names in English and
// Polish, read from EntityDefinitions once after sign-in and cached like the option sets.
import type { DataverseApi } from './dataverse-client';
import type { OptionLabel } from '../leads/option-sets';
import { leadFieldNames, type LeadRecord } from '../leads/schema';

export interface OrgColumn {
  /** Logical name (new_region). */
  name: string;
  /** Dataverse AttributeType: String, Memo, Picklist, Integer, Money, Boolean, DateTime… */
  type: string;
  label: OptionLabel;
  custom: boolean;
}

export interface CachedOrgColumns {
  environmentUrl: string;
  fetchedAt: number;
  columns: OrgColumn[];
}

interface Label { Label: string; LanguageCode: number }
interface AttributeRow {
  LogicalName: string;
  AttributeType?: string;
  IsCustomAttribute?: boolean;
  RequiredLevel?: { Value?: string };
  DisplayName?: { LocalizedLabels?: Label[]; UserLocalizedLabel?: Label | null };
}

/** Types a rep can type or pick in the form; lookups and system columns are the CRM's business. */
const fillable = new Set(['String', 'Memo', 'Picklist', 'Integer', 'Decimal', 'Double', 'Money', 'Boolean', 'DateTime']);
const LCID = { en: 1033, pl: 1045 } as const;

export function requiredColumnsFrom(rows: AttributeRow[]): OrgColumn[] {
  return rows
    .filter((a) => a.RequiredLevel?.Value === 'ApplicationRequired' && fillable.has(a.AttributeType ?? ''))
    .map((a) => {
      const labels = a.DisplayName?.LocalizedLabels ?? [];
      const by = (lcid: number) => labels.find((l) => l.LanguageCode === lcid)?.Label;
      const fallback = a.DisplayName?.UserLocalizedLabel?.Label ?? labels[0]?.Label ?? a.LogicalName;
      return { name: a.LogicalName, type: a.AttributeType!, custom: !!a.IsCustomAttribute, label: { en: by(LCID.en) ?? fallback, pl: by(LCID.pl) ?? by(LCID.en) ?? fallback } };
    });
}

export async function fetchRequiredColumns(api: DataverseApi): Promise<OrgColumn[]> {
  const r = await api.send({ method: 'GET', path: "EntityDefinitions(LogicalName='lead')/Attributes?$select=LogicalName,AttributeType,IsCustomAttribute,RequiredLevel,DisplayName" });
  if (r.status !== 200) throw new Error(`Metadata request failed: HTTP ${r.status}`);
  return requiredColumnsFrom((JSON.parse(r.text) as { value: AttributeRow[] }).value);
}

/** Same policy as the option sets: fresh for 12 h per org; a failed refresh keeps the old copy. */
export async function orgRequiredColumns(
  api: DataverseApi,
  environmentUrl: string,
  cache: { get(): Promise<CachedOrgColumns | undefined>; set(v: CachedOrgColumns): Promise<void> },
  now = Date.now,
  force = false,
  ttlMs = 12 * 3600_000,
): Promise<OrgColumn[] | undefined> {
  const cached = await cache.get();
  const same = cached?.environmentUrl === environmentUrl;
  if (same && !force && now() - cached.fetchedAt < ttlMs) return cached.columns;
  try {
    const columns = await fetchRequiredColumns(api);
    await cache.set({ environmentUrl, fetchedAt: now(), columns });
    return columns;
  } catch {
    return same ? cached.columns : undefined;
  }
}

const builtIn = new Set<string>(leadFieldNames);

/** A lead's value for a column: a lead field, or one of the org's own columns. */
export function columnValue(lead: Pick<LeadRecord, 'custom'> & Partial<Record<string, unknown>>, name: string): unknown {
  return builtIn.has(name) ? lead[name] : lead.custom?.[name];
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && !v.trim());

/** The required columns this lead leaves empty (it stays here until they are filled). */
export function missingRequired(lead: Pick<LeadRecord, 'custom'> & Partial<Record<string, unknown>>, columns: readonly Pick<OrgColumn, 'name'>[]): string[] {
  return columns.filter((c) => blank(columnValue(lead, c.name))).map((c) => c.name);
}

// The org's own choices for lead columns (labels in the rep's language, custom values), read from
// EntityDefinitions and cached: one request for every picklist, one for the status reasons.
import type { DataverseApi } from './dataverse-client';
import type { OptionLabel } from '../leads/option-sets';

export type OrgOptionSets = Record<string, Array<{ value: number; label: OptionLabel; state?: number }>>;

export interface CachedOptionSets {
  environmentUrl: string;
  fetchedAt: number;
  sets: OrgOptionSets;
}

/** Metadata rarely changes; refresh at most twice a day (or when a sync says a value is out of range). */
export const OPTION_SETS_TTL_MS = 12 * 3600_000;

interface AttributeMetadata {
  LogicalName: string;
  OptionSet?: { Options: Array<{ Value: number; State?: number; Label: { LocalizedLabels: Array<{ Label: string; LanguageCode: number }>; UserLocalizedLabel?: { Label: string } | null } }> };
}

const LCID = { en: 1033, pl: 1045 } as const;

function toSets(attrs: AttributeMetadata[]): OrgOptionSets {
  const sets: OrgOptionSets = {};
  for (const a of attrs) {
    sets[a.LogicalName] = (a.OptionSet?.Options ?? []).map((o) => {
      const by = (lcid: number) => o.Label.LocalizedLabels.find((l) => l.LanguageCode === lcid)?.Label;
      const fallback = o.Label.UserLocalizedLabel?.Label ?? o.Label.LocalizedLabels[0]?.Label ?? String(o.Value);
      return { value: o.Value, label: { en: by(LCID.en) ?? fallback, pl: by(LCID.pl) ?? by(LCID.en) ?? fallback }, ...(o.State !== undefined ? { state: o.State } : {}) };
    });
  }
  return sets;
}

export async function fetchOrgOptionSets(api: DataverseApi): Promise<OrgOptionSets> {
  const base = "EntityDefinitions(LogicalName='lead')/Attributes";
  const expand = '?$select=LogicalName&$expand=OptionSet($select=Options)';
  const [pick, status] = await Promise.all([
    api.send({ method: 'GET', path: `${base}/Microsoft.Dynamics.CRM.PicklistAttributeMetadata${expand}` }),
    api.send({ method: 'GET', path: `${base}/Microsoft.Dynamics.CRM.StatusAttributeMetadata${expand}` }),
  ]);
  for (const r of [pick, status]) if (r.status !== 200) throw new Error(`Metadata request failed: HTTP ${r.status}`);
  return { ...toSets((JSON.parse(pick.text) as { value: AttributeMetadata[] }).value), ...toSets((JSON.parse(status.text) as { value: AttributeMetadata[] }).value) };
}

/** Cached copy when fresh and for the same org; otherwise fetch (and keep the stale copy if that fails). */
export async function orgOptionSets(
  api: DataverseApi,
  environmentUrl: string,
  cache: { get(): Promise<CachedOptionSets | undefined>; set(v: CachedOptionSets): Promise<void> },
  now = Date.now,
  force = false,
): Promise<OrgOptionSets | undefined> {
  const cached = await cache.get();
  const fresh = cached && cached.environmentUrl === environmentUrl && now() - cached.fetchedAt < OPTION_SETS_TTL_MS;
  if (fresh && !force) return cached.sets;
  try {
    const sets = await fetchOrgOptionSets(api);
    await cache.set({ environmentUrl, fetchedAt: now(), sets });
    return sets;
  } catch {
    return cached?.environmentUrl === environmentUrl ? cached.sets : undefined;
  }
}

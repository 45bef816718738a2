// The org's own choices for the form (from the background's metadata cache): its labels, its
// added values (registered so the schema accepts them), without the values it removed.
import { signal } from '@preact/signals';
import { send } from '../messaging/send';
import { type OptionLabel, type OptionSet } from '../leads/option-sets';
import { registerOrgOptionSets, type OrgOptionSets } from '../sync/option-set-metadata';
import type { OrgColumn } from '../sync/org-columns';

export const orgOptionSetsSignal = signal<OrgOptionSets | null>(null);
/** Issue #17: the lead columns the org made required (empty until connected). */
export const orgRequiredColumnsSignal = signal<OrgColumn[]>([]);
let loading: Promise<void> | undefined;

/** Loads once per page; without a connection the form keeps the built-in labels. */
export function loadOrgOptionSets(): Promise<void> {
  return (loading ??= send('sync/option-sets', {})
    .then((r) => {
      if (r.sets) registerOrgOptionSets(r.sets);
      orgOptionSetsSignal.value = r.sets;
      orgRequiredColumnsSignal.value = r.columns;
    })
    .catch(() => {}));
}

/** The choices to offer for a column: the org's labels for the values both sides know. */
export function effectiveOptions(name: string, builtIn: OptionSet, org: OrgOptionSets | null, current?: number): Array<[number, OptionLabel]> {
  const theirs = org?.[name];
  const base = Object.entries(builtIn).map(([v, l]) => [Number(v), l] as [number, OptionLabel]);
  if (!theirs?.length) return base;
  const byValue = new Map(theirs.map((o) => [o.value, o.label]));
  const known = base.filter(([v]) => byValue.has(v) || v === current).map(([v, l]) => [v, byValue.get(v) ?? l] as [number, OptionLabel]);
  const added = theirs.filter((o) => !(o.value in builtIn)).map((o) => [o.value, o.label] as [number, OptionLabel]);
  return [...known, ...added];
}

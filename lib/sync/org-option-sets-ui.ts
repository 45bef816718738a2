// The org's own choice labels for the form (from the background's metadata cache). Values the
// org does not have are hidden; LeadClip's schema only stores out-of-the-box values, so custom
// values are not offered yet (see docs/sync.md).
import { signal } from '@preact/signals';
import { send } from '../messaging/send';
import type { OptionLabel, OptionSet } from '../leads/option-sets';
import type { OrgOptionSets } from './option-set-metadata';

export const orgOptionSetsSignal = signal<OrgOptionSets | null>(null);
let loading: Promise<void> | undefined;

/** Loads once per page; without a connection the form keeps the built-in labels. */
export function loadOrgOptionSets(): Promise<void> {
  return (loading ??= send('sync/option-sets', {})
    .then((r) => { orgOptionSetsSignal.value = r.sets; })
    .catch(() => {}));
}

/** The choices to offer for a column: the org's labels for the values both sides know. */
export function effectiveOptions(name: string, builtIn: OptionSet, org: OrgOptionSets | null, current?: number): Array<[number, OptionLabel]> {
  const theirs = org?.[name];
  const base = Object.entries(builtIn).map(([v, l]) => [Number(v), l] as [number, OptionLabel]);
  if (!theirs?.length) return base;
  const byValue = new Map(theirs.map((o) => [o.value, o.label]));
  return base.filter(([v]) => byValue.has(v) || v === current).map(([v, l]) => [v, byValue.get(v) ?? l]);
}

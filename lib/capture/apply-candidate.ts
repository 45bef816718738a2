// Puts a candidate into the form. Switching candidates replaces what the previous one filled
// but never a field the rep edited (issue #3, point 4).
import type { LeadFieldName, Provenance } from '../leads/schema';
import type { LeadFormModel } from '../state/lead-form-model';
import type { Prefill } from './to-prefill';

export function applyPrefill(model: LeadFormModel, next: Prefill, previous?: Prefill, origin: Provenance['origin'] = 'page', sourceUrl?: string): void {
  const s = model.state.value;
  const base: Provenance = { ...(s.provenance ?? { sourceUrl, capturedAt: new Date().toISOString(), fields: {} }), origin };
  const values = { ...s.values };
  const fields = { ...base.fields };
  const keys = new Set([...Object.keys(previous?.values ?? {}), ...Object.keys(next.values)]) as Set<LeadFieldName>;
  for (const k of keys) {
    if (s.edited.includes(k)) continue;
    const current = values[k];
    const filledByUs = previous?.values[k] !== undefined && current === previous.values[k];
    const empty = current === undefined || current === '';
    if (!empty && !filledByUs) continue; // typed before this capture ran, or restored from a draft
    const v = next.values[k];
    if (v === undefined) {
      delete values[k];
      delete fields[k];
    } else {
      values[k] = v;
      if (next.provenance[k]) fields[k] = next.provenance[k];
    }
  }
  model.update({ values, provenance: { ...base, fields } });
}

// Which of the page's candidates the form is prefilled with (issue #14: prefer an empty field to
// a wrong one). The picker still offers every candidate; this only decides what the rep sees first.
import type { Candidate } from '../extract/types';

export interface PrefillPolicy {
  /**
   * The least evidence a person needs to be prefilled. Candidate scores: 1 a name in running
   * text, 2 a name beside its email or a salutation, 3 a name with a job title, 10+ markup.
   * Chosen by `npm run eval:extract` on the development pages, cross-validated by site.
   */
  minPersonScore: number;
}

export const prefillPolicy: PrefillPolicy = { minPersonScore: 1 };

/** The index of the candidate to prefill, or -1 for none. */
export function choosePrefill(candidates: readonly Candidate[], policy: PrefillPolicy = prefillPolicy): number {
  const person = candidates.findIndex((c) => c.kind === 'person');
  if (person >= 0 && candidates[person].score >= policy.minPersonScore) return person;
  // No person we would vouch for: the page's organization alone, so company, phone and address
  // are still filled and the name fields stay empty.
  return candidates.findIndex((c) => c.kind === 'organization');
}

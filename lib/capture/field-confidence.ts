// How far a rep can trust a prefilled value, from how it was found (issue #14): markup, headers
// and the rep's own records say what they mean; meta tags, links and signatures are read by
// rules that are usually right; names and numbers guessed from running text deserve a check.
import type { CaptureMethod } from '../leads/schema';

export type FieldConfidence = 'high' | 'medium' | 'low';

const BY_METHOD: Record<CaptureMethod, FieldConfidence | undefined> = {
  manual: undefined,
  jsonld: 'high',
  microdata: 'high',
  rdfa: 'high',
  microformat: 'high',
  linkedin: 'high',
  email: 'high',
  import: 'high',
  account: 'high',
  contact: 'high',
  meta: 'medium',
  link: 'medium',
  signature: 'medium',
  selection: 'medium',
  text: 'low',
};

/** The confidence the form shows beside a prefilled field; undefined for what the rep typed. */
export function fieldConfidence(method: CaptureMethod): FieldConfidence | undefined {
  return BY_METHOD[method];
}

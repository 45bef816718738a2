// The candidate model (issue #3): one candidate = a person and/or an organization, each field
// keyed by its Dataverse lead column and carrying the method and source that found it.
import type { CaptureMethod } from '../leads/schema';

/** Lead columns the extractor can fill. Phones stay as found; the popup normalizes them. */
export const candidateFields = [
  'salutation', 'firstname', 'middlename', 'lastname', 'jobtitle', 'companyname',
  'emailaddress1', 'telephone1', 'mobilephone', 'telephone3', 'fax', 'websiteurl',
  'address1_line1', 'address1_line2', 'address1_city', 'address1_stateorprovince',
  'address1_postalcode', 'address1_country',
] as const;
export type CandidateField = (typeof candidateFields)[number];

export interface Found {
  value: string;
  method: CaptureMethod;
  /** The page URL, or "selection". */
  source: string;
}

export type CandidateFields = Partial<Record<CandidateField, Found>>;

export interface Candidate {
  kind: 'person' | 'organization';
  fields: CandidateFields;
  /** Higher is better: structured data beats heuristics, complete beats sparse. */
  score: number;
}

export interface Extraction {
  url: string;
  title: string;
  candidates: Candidate[];
  /** True when a budget cut the walk short (huge or hostile page). */
  truncated: boolean;
}

export const addressFields = ['address1_line1', 'address1_line2', 'address1_city', 'address1_stateorprovince', 'address1_postalcode', 'address1_country'] as const;

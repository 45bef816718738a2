// A candidate -> form values and per-field provenance. Phones are normalized in the popup
// (libphonenumber-js is too big for the injected extractor), by a formatter loaded on demand.
import type { FormValues } from '../leads/form-values';
import type { LeadFieldName, Provenance } from '../leads/schema';
import { leadTextLimits } from '../leads/lead-columns';
import type { Candidate, CandidateField } from '../extract/types';

const PHONES: CandidateField[] = ['telephone1', 'mobilephone', 'fax'];

export interface Prefill {
  values: FormValues;
  provenance: Provenance['fields'];
}

/** Formats a phone as the rep's country writes it, or undefined to keep the text as found. */
export type PhoneFormatter = (raw: string) => string | undefined;

/** The Topic proposed for a candidate (default-topic.ts); without one, the company. */
export type TopicFor = (c: Candidate) => string;

export function candidateToPrefill(c: Candidate, formatPhone: PhoneFormatter = () => undefined, topicFor?: TopicFor): Prefill {
  const values: FormValues = {};
  const provenance: Provenance['fields'] = {};
  for (const [key, found] of Object.entries(c.fields) as [CandidateField, NonNullable<Candidate['fields'][CandidateField]>][]) {
    let value = found.value;
    if (PHONES.includes(key)) value = formatPhone(value) ?? value;
    const max = leadTextLimits[key as LeadFieldName];
    if (max) value = value.slice(0, max);
    values[key] = value;
    provenance[key] = { method: found.method, source: found.source };
  }
  // Dataverse requires a topic: what a rep would write, not the name again (issue #13).
  const subject = topicFor ? topicFor(c) : c.fields.companyname?.value;
  if (subject) {
    values.subject = subject.slice(0, 300);
    const from = c.fields.companyname ?? c.fields.lastname;
    if (from) provenance.subject = { method: from.method, source: from.source };
  }
  return { values, provenance };
}

/** A short label for the candidate picker: "Jane Doe, CEO (Contoso)". */
export function candidateLabel(c: Candidate): string {
  const name = [c.fields.firstname?.value, c.fields.lastname?.value].filter(Boolean).join(' ');
  const title = c.fields.jobtitle?.value;
  const company = c.fields.companyname?.value;
  const main = [name || company || c.fields.emailaddress1?.value || '?', name ? title : undefined].filter(Boolean).join(', ');
  return name && company ? `${main} (${company})` : main;
}

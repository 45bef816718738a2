// What comes back from the injected extractor is page-controlled data. This check sits on the
// popup's way to a filled form (issue #13), so it is plain code instead of zod: zod and the lead
// schema would load and run while the rep waits. It accepts exactly what extractionSchema
// (extraction-schema.ts) accepts and returns the same stripped copy; extraction-check.test.ts
// holds the two to that on generated input, and the method list to the lead schema's.
import type { CaptureMethod } from '../leads/schema';
import { candidateFields, type Candidate, type CandidateFields, type Extraction } from '../extract/types';

export const CAPTURE_METHODS: readonly CaptureMethod[] = [
  'manual', 'jsonld', 'microdata', 'rdfa', 'microformat', 'link', 'meta', 'text', 'selection',
  'signature', 'email', 'linkedin', 'import', 'account', 'contact',
];
const METHODS = new Set<string>(CAPTURE_METHODS);
const FIELDS = new Set<string>(candidateFields);

type Plain = Record<string, unknown>;
const isObject = (x: unknown): x is Plain => typeof x === 'object' && x !== null && !Array.isArray(x);
const text = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;

function checkFields(x: unknown): CandidateFields | undefined {
  if (!isObject(x)) return undefined;
  const out: CandidateFields = {};
  for (const key of Object.keys(x)) {
    if (key === '__proto__') continue; // dropped unread, as zod's records do
    const f = x[key];
    if (!FIELDS.has(key) || !isObject(f) || !text(f.value, 300) || typeof f.method !== 'string' || !METHODS.has(f.method) || !text(f.source, 2048)) return undefined;
    out[key as keyof CandidateFields] = { value: f.value, method: f.method as CaptureMethod, source: f.source };
  }
  return out;
}

function checkCandidate(x: unknown): Candidate | undefined {
  if (!isObject(x) || (x.kind !== 'person' && x.kind !== 'organization') || typeof x.score !== 'number' || !Number.isFinite(x.score)) return undefined;
  const fields = checkFields(x.fields);
  return fields && { kind: x.kind, fields, score: x.score };
}

/** The extraction as the popup may use it, or undefined when the page sent anything else. */
export function checkExtraction(x: unknown): Extraction | undefined {
  if (!isObject(x) || !text(x.url, 4096) || !text(x.title, 500) || typeof x.truncated !== 'boolean') return undefined;
  if (!Array.isArray(x.candidates) || x.candidates.length > 50) return undefined;
  const candidates: Candidate[] = [];
  for (const c of x.candidates) {
    const checked = checkCandidate(c);
    if (!checked) return undefined;
    candidates.push(checked);
  }
  return { url: x.url, title: x.title, candidates, truncated: x.truncated };
}

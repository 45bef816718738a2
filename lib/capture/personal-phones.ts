// A person's form gets only phones that may be theirs (issue #14: prefer an empty field to a wrong
// one). A toll-free support line or the fax reaches the organization's desk, not the person: neither
// fills a person's Business or Mobile Phone. The toll-free line moves to Other Phone (the way to
// reach their company, as signatures do in lib/webmail/email-to-lead.ts); the fax keeps its Fax
// field. An organization alone keeps its listed number, whatever kind, as its Business Phone.
import type { Candidate, CandidateField } from '../extract/types';

/** Tells a freephone number from an ordinary one (lib/text/phone's isTollFree, in the rep's country). */
export type TollFreeTest = (raw: string) => boolean;

const PERSON_PHONES: CandidateField[] = ['telephone1', 'mobilephone'];
const digits = (s: string) => s.replace(/\D/g, '');
/** The same line written two ways ("+1 (310) 555-0102", "310.555.0102"): the shorter is the longer's end. */
const sameLine = (a: string, b: string) => {
  const [x, y] = [digits(a), digits(b)].sort((m, n) => m.length - n.length);
  return x.length >= 7 && y.endsWith(x);
};

export function withPersonalPhones(c: Candidate, isTollFree: TollFreeTest): Candidate {
  if (c.kind !== 'person') return c;
  const fax = c.fields.fax?.value;
  let fields = c.fields;
  for (const key of PERSON_PHONES) {
    const phone = fields[key];
    if (!phone) continue;
    const isFax = !!fax && sameLine(phone.value, fax);
    if (isFax || isTollFree(phone.value)) {
      fields = { ...fields };
      delete fields[key];
      if (!isFax && !fields.telephone3) fields.telephone3 = phone;
    }
  }
  return fields === c.fields ? c : { ...c, fields };
}

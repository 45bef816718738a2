// Search, filter and sort for the options page's lead list. Pure, so it is unit-tested.
import { fullName, type LeadRecord, type SyncState } from './schema';

export type LeadSort = 'updated' | 'name' | 'company' | 'status';

export interface LeadQuery {
  text?: string;
  state?: SyncState | '';
  sort?: LeadSort;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase();

export function isDoNotContact(l: LeadRecord): boolean {
  return l.donotemail || l.donotphone || l.donotpostalmail || l.donotbulkemail;
}

/** Newest change first, then by id: a total order that does not depend on where a lead is stored. */
export function newestFirst(a: Pick<LeadRecord, 'updatedAt' | 'id'>, b: Pick<LeadRecord, 'updatedAt' | 'id'>): number {
  return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function queryLeads(leads: readonly LeadRecord[], q: LeadQuery): LeadRecord[] {
  const words = fold(q.text ?? '').split(/\s+/).filter(Boolean);
  const hits = leads.filter((l) => {
    if (q.state && l.sync.state !== q.state) return false;
    if (!words.length) return true;
    const hay = fold([fullName(l), l.companyname, l.emailaddress1, l.subject, l.telephone1, l.mobilephone, l.jobtitle, l.address1_city].filter(Boolean).join(' '));
    return words.every((w) => hay.includes(w));
  });
  const by = q.sort ?? 'updated';
  const collator = new Intl.Collator(['pl', 'en'], { sensitivity: 'base' });
  const key = (l: LeadRecord) => (by === 'name' ? `${l.lastname} ${l.firstname ?? ''}` : by === 'company' ? (l.companyname ?? '') : l.sync.state);
  // Ties broken by id: one order for every page of a list read a page at a time.
  return by === 'updated' ? hits.sort(newestFirst) : hits.sort((a, b) => collator.compare(key(a), key(b)) || newestFirst(a, b));
}

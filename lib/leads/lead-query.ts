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
  return by === 'updated' ? hits.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) : hits.sort((a, b) => collator.compare(key(a), key(b)));
}

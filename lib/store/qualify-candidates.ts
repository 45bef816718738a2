// Accounts and contacts to qualify a lead with, found among the local leads (issue #4): the
// duplicate index is walked for names, companies and addresses that match what the rep types.
import { getDb } from './open';
import { companyKey, foldText } from '../leads/match-text';
import { accountFields, contactFields, type QualifyCandidate } from '../leads/qualify';
import { fullName, type LeadFieldName, type LeadRecord } from '../leads/schema';

const pick = (lead: LeadRecord, fields: readonly string[]) =>
  Object.fromEntries(fields.map((f) => [f, lead[f as LeadFieldName]]).filter(([, v]) => typeof v === 'string' && v)) as Record<string, string>;

/** Accounts and contacts to pick from local leads, matching `query` (name, company or email). */
export async function qualifyCandidates(query: string, excludeId?: string, limit = 8): Promise<{ accounts: QualifyCandidate[]; contacts: QualifyCandidate[] }> {
  const q = foldText(query);
  const db = await getDb();
  const accounts = new Map<string, QualifyCandidate>();
  const contacts: QualifyCandidate[] = [];
  const wanted: string[] = [];
  let cursor = await db.transaction('leads').store.openCursor();
  while (cursor && (accounts.size < limit || contacts.length < limit) && wanted.length < limit * 4) {
    const row = cursor.value.dedupe;
    if (row && row.leadId !== excludeId && q && (row.company.includes(q) || row.name.includes(q) || row.emails.some((e) => e.includes(query.toLowerCase())))) wanted.push(row.leadId);
    cursor = await cursor.continue();
  }
  for (const id of wanted) {
    const lead = await db.get('leads', id);
    if (!lead) continue;
    const key = companyKey(lead.companyname);
    if (key && key.includes(q) && !accounts.has(key) && accounts.size < limit) accounts.set(key, { id: `lead:${lead.id}`, name: lead.companyname!, values: pick(lead, accountFields) });
    if ((foldText(fullName(lead)).includes(q) || (lead.emailaddress1 ?? '').includes(query.toLowerCase())) && contacts.length < limit) {
      contacts.push({ id: `lead:${lead.id}`, name: fullName(lead), values: pick(lead, contactFields) });
    }
  }
  return { accounts: [...accounts.values()], contacts };
}

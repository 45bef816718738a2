// Reading the CRM while capturing: "already in the CRM" (a lead or contact with this email, or a
// lead with this name at this company) and the Qualify step's account / contact search.
import type { DataverseApi } from './dataverse-client';
import { crmRecordUrl } from './sync-engine';

export interface CrmMatch {
  entity: 'lead' | 'contact' | 'account';
  id: string;
  name: string;
  email?: string;
  company?: string;
  url: string;
  matchedBy: 'email' | 'name_company' | 'name';
}

/** OData string literal: quotes doubled. */
export const odataString = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function query<T>(api: DataverseApi, path: string): Promise<T[]> {
  const r = await api.send({ method: 'GET', path });
  if (r.status !== 200) throw new Error(`CRM query failed: HTTP ${r.status}`);
  return (JSON.parse(r.text) as { value: T[] }).value;
}

export async function findExisting(
  api: DataverseApi,
  environmentUrl: string,
  probe: { email?: string; firstname?: string; lastname?: string; companyname?: string },
): Promise<CrmMatch[]> {
  const out: CrmMatch[] = [];
  const email = probe.email?.trim();
  const lead = (r: { leadid: string; fullname: string; emailaddress1?: string; companyname?: string }, by: CrmMatch['matchedBy']): CrmMatch => ({
    entity: 'lead', id: r.leadid, name: r.fullname, email: r.emailaddress1 ?? undefined, company: r.companyname ?? undefined, url: crmRecordUrl(environmentUrl, 'lead', r.leadid), matchedBy: by,
  });
  const tasks: Promise<void>[] = [];
  if (email) {
    const f = encodeURIComponent(`emailaddress1 eq ${odataString(email)}`);
    tasks.push(query<{ leadid: string; fullname: string; emailaddress1?: string; companyname?: string }>(api, `leads?$select=leadid,fullname,emailaddress1,companyname&$filter=${f}&$top=5`).then((rs) => { out.push(...rs.map((r) => lead(r, 'email'))); }));
    tasks.push(query<{ contactid: string; fullname: string; emailaddress1?: string }>(api, `contacts?$select=contactid,fullname,emailaddress1&$filter=${f}&$top=5`).then((rs) => {
      out.push(...rs.map((r): CrmMatch => ({ entity: 'contact', id: r.contactid, name: r.fullname, email: r.emailaddress1, url: crmRecordUrl(environmentUrl, 'contact', r.contactid), matchedBy: 'email' })));
    }));
  }
  const last = probe.lastname?.trim();
  const company = probe.companyname?.trim();
  if (last && company) {
    const conds = [`lastname eq ${odataString(last)}`, `companyname eq ${odataString(company)}`, ...(probe.firstname?.trim() ? [`firstname eq ${odataString(probe.firstname.trim())}`] : [])];
    tasks.push(query<{ leadid: string; fullname: string; emailaddress1?: string; companyname?: string }>(api, `leads?$select=leadid,fullname,emailaddress1,companyname&$filter=${encodeURIComponent(conds.join(' and '))}&$top=5`).then((rs) => { out.push(...rs.map((r) => lead(r, 'name_company'))); }));
  }
  await Promise.all(tasks);
  const seen = new Set<string>();
  return out.filter((m) => !seen.has(m.entity + m.id) && seen.add(m.entity + m.id));
}

export async function searchAccounts(api: DataverseApi, environmentUrl: string, name: string): Promise<CrmMatch[]> {
  const term = name.trim();
  if (term.length < 2) return [];
  const rs = await query<{ accountid: string; name: string; websiteurl?: string }>(api, `accounts?$select=accountid,name,websiteurl&$filter=${encodeURIComponent(`contains(name,${odataString(term)}) and statecode eq 0`)}&$top=10`);
  return rs.map((r) => ({ entity: 'account', id: r.accountid, name: r.name, url: crmRecordUrl(environmentUrl, 'account', r.accountid), matchedBy: 'name' }));
}

export async function searchContacts(api: DataverseApi, environmentUrl: string, email: string): Promise<CrmMatch[]> {
  const term = email.trim();
  if (!term.includes('@')) return [];
  const rs = await query<{ contactid: string; fullname: string; emailaddress1?: string }>(api, `contacts?$select=contactid,fullname,emailaddress1&$filter=${encodeURIComponent(`emailaddress1 eq ${odataString(term)}`)}&$top=10`);
  return rs.map((r) => ({ entity: 'contact', id: r.contactid, name: r.fullname, email: r.emailaddress1, url: crmRecordUrl(environmentUrl, 'contact', r.contactid), matchedBy: 'email' }));
}

/** A record the Qualify dialog can pick, with what it brings to the lead's empty fields. */
export interface CrmQualifyCandidate {
  id: string;
  name: string;
  values: Record<string, string>;
  source: 'crm';
}

const accountColumns = ['name', 'websiteurl', 'telephone1', 'address1_line1', 'address1_line2', 'address1_city', 'address1_stateorprovince', 'address1_postalcode', 'address1_country'] as const;
const contactColumns = ['firstname', 'lastname', 'jobtitle', 'emailaddress1', 'telephone1', 'mobilephone'] as const;

const valuesOf = (row: Record<string, unknown>, columns: readonly string[], rename: Record<string, string> = {}) =>
  Object.fromEntries(columns.filter((c) => typeof row[c] === 'string' && row[c]).map((c) => [rename[c] ?? c, row[c] as string]));

/** Issue #17: the Qualify dialog's "existing account / contact" from the CRM itself (accounts by
 * name, contacts by name or email), so QualifyLead links the records that are already there. */
export async function crmQualifyCandidates(api: DataverseApi, term: string): Promise<{ accounts: CrmQualifyCandidate[]; contacts: CrmQualifyCandidate[] }> {
  const q = term.trim();
  if (q.length < 2) return { accounts: [], contacts: [] };
  const lit = odataString(q);
  const [accounts, contacts] = await Promise.all([
    query<Record<string, unknown> & { accountid: string; name: string }>(api, `accounts?$select=accountid,${accountColumns.join(',')}&$filter=${encodeURIComponent(`contains(name,${lit}) and statecode eq 0`)}&$top=8`),
    query<Record<string, unknown> & { contactid: string; fullname: string }>(api, `contacts?$select=contactid,fullname,${contactColumns.join(',')}&$filter=${encodeURIComponent(`(contains(fullname,${lit}) or emailaddress1 eq ${lit}) and statecode eq 0`)}&$top=8`),
  ]);
  return {
    accounts: accounts.map((a) => ({ id: a.accountid, name: a.name, values: valuesOf(a, accountColumns, { name: 'companyname' }), source: 'crm' })),
    contacts: contacts.map((c) => ({ id: c.contactid, name: c.fullname, values: valuesOf(c, contactColumns), source: 'crm' })),
  };
}

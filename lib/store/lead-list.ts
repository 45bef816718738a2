// The options page's lead list, searched and sorted in the background, a page of rows at a time:
// 100,000 leads are too many to send to a page (an extension message is capped at 64 MB) or to
// render. Every lead is read once and kept until the next change to the leads (lib/store/lead-writes.ts),
// so typing in the search box, or the Sync view's status every second, does not read the store again.
import { leadsVersion } from './lead-writes';
import { queryLeads, type LeadQuery } from '../leads/lead-query';
import { listLeads } from './lead-repo';
import type { LeadRecord } from '../leads/schema';

let cached: { version: number; at: number; leads: LeadRecord[] } | undefined;
let reading: { version: number; leads: Promise<LeadRecord[]> } | undefined;

/**
 * Every lead, newest change first (lib/store/lead-repo.ts listLeads), read again only after a change.
 * `staleForMs`: a list read that recently will do even if changed since (the Sync view's status,
 * asked every second while the queue changes leads all the time).
 */
export async function everyLead(staleForMs = 0): Promise<LeadRecord[]> {
  const seen = leadsVersion();
  if (cached && (cached.version === seen || Date.now() - cached.at < staleForMs)) return cached.leads;
  // Callers at the same time share one read, unless the leads changed since it started.
  if (reading?.version === seen) return reading.leads;
  const read = listLeads().then((leads) => {
    // Kept only if nothing changed while it was read.
    if (leadsVersion() === seen) cached = { version: seen, at: Date.now(), leads };
    return leads;
  });
  reading = { version: seen, leads: read };
  return read.finally(() => {
    if (reading?.leads === read) reading = undefined;
  });
}

export interface LeadPage {
  leads: LeadRecord[];
  /** Leads matching the query, of which `leads` are the first from `offset`. */
  total: number;
}

export async function leadPage(query: LeadQuery, offset: number, limit: number): Promise<LeadPage> {
  const hits = queryLeads(await everyLead(), query);
  return { leads: hits.slice(offset, offset + limit), total: hits.length };
}

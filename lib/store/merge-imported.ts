// An import row that updates a stored lead.
import { leadFieldNames, type LeadRecord } from '../leads/schema';

/** Non-empty imported values win; the stored lead keeps everything the file leaves empty. */
export function mergeImported(existing: LeadRecord, lead: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...existing };
  for (const f of leadFieldNames) {
    const v = lead[f];
    if (v === undefined || v === null || v === '' || v === false) continue;
    next[f] = v;
  }
  return next;
}

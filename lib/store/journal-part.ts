// One part of a committed file import, waiting in the import journal until the background adds
// its leads to the lead stores (lib/store/import-journal.ts).
import type { LeadRecord } from '../leads/schema';

export interface ImportJournalPart {
  /** `${at}|${importId}|${part}`, part zero-padded: parts apply in the order they were staged,
   * across imports too (a later import may update a lead an earlier one created). */
  key: string;
  importId: string;
  part: number;
  /** When the import was staged: the leads' createdAt and the audit entries' time. */
  at: string;
  /** New leads, validated, normalised and scored: complete records. */
  creates: LeadRecord[];
  /** Rows that update a stored lead (validated drafts; merged when applied). */
  updates: { id: string; lead: unknown }[];
}

export const journalKey = (at: string, importId: string, part: number) => `${at}|${importId}|${String(part).padStart(6, '0')}`;

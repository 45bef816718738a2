// The audit trail (issue #4): append and read, nothing else. There is deliberately no update or
// delete, so a lead's history cannot be rewritten by the code that acts on it.
import { getDb } from '../db/open';
import type { Tx } from '../db/tx';
import type { AuditEntry, NewAuditEntry } from './entry';

type WriteTx = Tx<'readwrite'>;

/** Adds an entry in the caller's transaction, so it commits (or not) with the change it records. */
export function appendAudit(tx: WriteTx, entry: NewAuditEntry): Promise<number> {
  return tx.objectStore('audit').add(entry as AuditEntry);
}

/** A lead's history, oldest first. */
export async function listAudit(leadId: string): Promise<AuditEntry[]> {
  return (await getDb()).getAllFromIndex('audit', 'by-lead', leadId);
}

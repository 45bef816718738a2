// The audit trail (issue #4): append and read, nothing else. There is deliberately no update or
// delete, so a lead's history cannot be rewritten by the code that acts on it.
import { unwrap } from 'idb';
import { getDb } from './open';
import type { Tx } from './tx';
import type { AuditEntry, NewAuditEntry } from '../audit/entry';

type WriteTx = Tx<'readwrite'>;

/** Adds an entry in the caller's transaction, so it commits (or not) with the change it records. */
export function appendAudit(tx: WriteTx, entry: NewAuditEntry): Promise<number> {
  return tx.objectStore('audit').add(entry as AuditEntry);
}

/**
 * The same append for bulk writes (file imports): the request goes straight to the native store,
 * without a promise per entry. Nothing waits on it; a failure aborts the caller's transaction.
 */
export function queueAudit(tx: WriteTx, entry: NewAuditEntry): void {
  unwrap(tx.objectStore('audit')).add(entry);
}

/** A lead's history, oldest first. */
export async function listAudit(leadId: string): Promise<AuditEntry[]> {
  return (await getDb()).getAllFromIndex('audit', 'by-lead', leadId);
}

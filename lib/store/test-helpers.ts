// For the store's tests and the queue's: what the lead store holds beside the leads themselves.
import { getDb } from './open';
import type { OutboxJob } from './outbox-job';

/** Stored leads carrying an outbox job ('outbox') or duplicate keys ('dedupe'). */
export async function storedWith(field: 'outbox' | 'dedupe'): Promise<number> {
  return (await (await getDb()).getAll('leads')).filter((l) => l[field]).length;
}

/** Every outbox job (each on its lead). */
export async function outboxJobs(): Promise<OutboxJob[]> {
  return (await (await getDb()).getAll('leads')).flatMap((l) => (l.outbox ? [l.outbox] : []));
}

/** Audit entries of a kind, one per lead they name (a batch entry names many). */
export async function auditedLeads(kind: string): Promise<string[]> {
  const entries = (await (await getDb()).getAll('audit')).filter((e) => e.kind === kind);
  return entries.flatMap((e) => ('leadIds' in e ? e.leadIds : [e.leadId]));
}

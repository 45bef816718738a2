// How many leads wait to reach the CRM: queued ones plus new ones still in the import journal (docs/import.md).
import { getDb } from './open';
import { openTx } from './tx';
import { pendingImportedLeads } from './journal-mirror';
import { countWaiting } from './outbox';

export async function waitingToSync(): Promise<number> {
  // The journal first: a part applied in between is counted twice for a moment, never missed.
  const journal = (await pendingImportedLeads()).length;
  return journal + (await countWaiting(openTx(await getDb(), ['leads'], 'readonly')));
}

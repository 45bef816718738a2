// Counts changes to the leads (the store and the import journal), so a list cached in the
// background knows when it is stale (lib/store/lead-list.ts); and changes to the lead store
// alone, for the stored leads' duplicate keys (lib/store/stored-keys.ts).
let version = 0;
let storeVersion = 0;

export const leadsVersion = (): number => version;
export const leadStoreVersion = (): number => storeVersion;

/** Something changed the leads now. */
export function leadsChanged(): void {
  version++;
  storeVersion++;
}

/** A read-write transaction over the leads opened: stale from now until it has ended. One over
 * the import journal alone (`leadStore` false) leaves the lead store's keys as they were. */
export function trackLeadsWrite(tx: { done: Promise<unknown> }, leadStore = true): void {
  const changed = () => {
    version++;
    if (leadStore) storeVersion++;
  };
  changed();
  tx.done.then(changed, changed);
}

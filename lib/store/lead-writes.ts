// Counts changes to the leads (the store and the import journal), so a list cached in the
// background knows when it is stale (lib/store/lead-list.ts).
let version = 0;

export const leadsVersion = (): number => version;

/** Something changed the leads now. */
export function leadsChanged(): void {
  version++;
}

/** A read-write transaction over the leads opened: stale from now until it has ended. */
export function trackLeadsWrite(tx: { done: Promise<unknown> }): void {
  version++;
  tx.done.then(leadsChanged, leadsChanged);
}

// Issue #18: leads go only to a Dynamics environment and a webhook the rep confirmed on the
// Connection page (or the administrator set). The confirmed URLs are kept in the worker's own
// IndexedDB, beside the tokens and the signing secret, so a URL that reached storage.local some
// other way receives nothing.
import type { TokenStore } from './auth/secret-store';

export type Target = 'environmentUrl' | 'webhookUrl';
const key = (target: Target) => `target:${target}`;

/** Records what the rep just saved ('' for none). */
export async function confirmTargets(store: TokenStore, saved: Partial<Record<Target, string>>): Promise<void> {
  await store.setSecret(key('environmentUrl'), saved.environmentUrl ?? '');
  await store.setSecret(key('webhookUrl'), saved.webhookUrl ?? '');
}

/** The URL the rep confirmed. Before any save recorded one (an update from a version that did
 * not), the stored URL is the rep's own, and is recorded as confirmed. */
export async function confirmedTarget(store: TokenStore, target: Target, stored: string | undefined): Promise<string | undefined> {
  const bound = await store.getSecret(key(target));
  if (bound === undefined) {
    await store.setSecret(key(target), stored ?? '');
    return stored || undefined;
  }
  return bound || undefined;
}

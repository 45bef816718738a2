// Issue #18: leads go only to a webhook the rep confirmed on the Connection page (or the
// administrator set). The confirmed URL is kept beside the signing secret in the worker's own
// IndexedDB, so a URL that reached storage.local some other way receives nothing.
import type { TokenStore } from './auth/secret-store';

const KEY = 'webhookTarget';

/** Records what the rep just saved ('' for no webhook). */
export async function confirmWebhookTarget(store: TokenStore, url: string | undefined): Promise<void> {
  await store.setSecret(KEY, url ?? '');
}

/** The webhook URL the rep confirmed. Before any save recorded one (an update from a version that
 * did not), the stored URL is the rep's own, and is recorded as confirmed. */
export async function confirmedWebhookTarget(store: TokenStore, stored: string | undefined): Promise<string | undefined> {
  const bound = await store.getSecret(KEY);
  if (bound === undefined) {
    await confirmWebhookTarget(store, stored);
    return stored || undefined;
  }
  return bound || undefined;
}

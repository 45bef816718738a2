// Issue #18: chrome.storage.local (and sync) are open to content scripts by default, so code that
// takes over a webmail tab's content-script world could rewrite the connection and privacy
// settings the background reads. Only the extension's own pages and worker may use storage.
// Chrome keeps the level in the profile's preferences (storage_local_access_level), so it holds
// across browser restarts; setting it on every worker start also covers an update from a version
// that never set it.
import { browser } from '#imports';

type Area = { setAccessLevel?: (o: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void> };

export const RESTRICTED_AREAS = ['local', 'session', 'sync'] as const;

/** Call synchronously in the background's main(), before anything reads a setting. */
export function restrictStorageToExtension(): Promise<void> {
  return Promise.all(
    RESTRICTED_AREAS.map(async (name) => {
      const area = browser.storage[name] as unknown as Area;
      // Every Chromium we support has it; if one did not, the background's checks still hold.
      await area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => {});
    }),
  ).then(() => undefined);
}

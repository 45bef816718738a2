// The administrator's policy (chrome.storage.managed, schema in public/managed_schema.json): values
// that lock the connection and the privacy settings. Read only by the background.
import { browser } from '#imports';

/** Chromium can leave storage.managed.get unanswered in a worker when no policy exists: never
 * let that stall a save, the queue or the options page. */
export const MANAGED_TIMEOUT_MS = 500;

let cached: Promise<Record<string, unknown>> | undefined;
let watching = false;

/** After an unanswered read, ask again this much later rather than on every save. */
const RETRY_AFTER_MS = 60_000;

async function read(): Promise<Record<string, unknown>> {
  try {
    const answer = await Promise.race([
      browser.storage.managed.get(null),
      new Promise<undefined>((resolve) => setTimeout(resolve, MANAGED_TIMEOUT_MS)),
    ]);
    if (answer) return answer;
    setTimeout(() => (cached = undefined), RETRY_AFTER_MS);
    return {};
  } catch {
    return {}; // No policy (or managed storage unavailable): nothing locked.
  }
}

/** The policy as set, read once per worker start and again when the administrator changes it. */
export function managedPolicy(): Promise<Record<string, unknown>> {
  if (!watching) {
    watching = true;
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area === 'managed') cached = undefined;
    });
  }
  return (cached ??= read());
}

/** Tests change the policy between cases. */
export function forgetManagedPolicy(): void {
  cached = undefined;
  watching = false;
}

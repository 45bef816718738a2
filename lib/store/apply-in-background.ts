// When the journal is applied: at start-up and after each commit, the worker kept alive meanwhile (docs/import.md).
import { browser } from '#imports';
import { loadPipelineSettings } from '../leads/pipeline-settings';
import { applyImportJournal, importJournalSettled, type ApplyHooks } from './import-journal';
import { pendingImport } from './journal-mirror';

/** Imports up to this many leads are in the lead stores and the sync queue before the commit
 * answers (a second at most); bigger ones are listed at once and queued in the background. */
export const APPLY_BEFORE_ANSWER = 1000;

let leadsQueued: () => void = () => {};
/** Called once parts of an import joined the outbox: the background runs the queue then. */
export function whenImportedLeadsQueued(listener: () => void): void {
  leadsQueued = listener;
}

/** A kick recounts the badge over every queued lead (a count is a walk of the index in Chromium):
 * after every part of 1,000 leads, 100,000 rows made that quadratic (issue #15). So parts kick at
 * most this often, the last one always (the badge's total does not change meanwhile: leads only
 * move from the journal to the outbox). */
const KICK_EVERY_MS = 15_000;
let lastKick = 0;
let trailingKick: ReturnType<typeof setTimeout> | undefined;

function kick(): void {
  clearTimeout(trailingKick);
  trailingKick = undefined;
  lastKick = Date.now();
  leadsQueued();
}

function partQueued(): void {
  const wait = lastKick + KICK_EVERY_MS - Date.now();
  if (wait <= 0) kick();
  else trailingKick ??= setTimeout(kick, wait);
}

const hooks: ApplyHooks = {
  deps: async () => ({ settings: await loadPipelineSettings() }),
  onPart: partQueued,
};

export async function applyImportsInBackground(): Promise<void> {
  // Chrome stops an idle worker after 30 s; an extension API call counts as activity.
  const keepAlive = setInterval(() => void browser.runtime.getPlatformInfo(), 20_000);
  try {
    await applyImportJournal(hooks);
  } finally {
    // The last part's kick goes now, not on a timer a stopping worker would drop.
    if (trailingKick) kick();
    clearInterval(keepAlive);
  }
}

/** After a commit: small imports are applied before answering, big ones continue in the background. */
export async function applyAfterCommit(leads: number): Promise<{ pending: number }> {
  const applying = applyImportsInBackground();
  // A big import is not read back from the journal: the rep would wait for 100,000 leads to be read.
  // A small one waits only when the whole journal is small (not behind a big import still applying).
  const waiting = leads > APPLY_BEFORE_ANSWER ? leads : (await pendingImport()).leads;
  if (waiting <= APPLY_BEFORE_ANSWER) {
    await applying;
    return { pending: (await pendingImport()).leads };
  }
  applying.catch((err: unknown) => console.error('Adding imported leads failed; retried at the next start', err));
  return { pending: waiting };
}

export const importsSettled = () => importJournalSettled(hooks);

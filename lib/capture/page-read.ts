// The first steps of a capture, in the order privacy requires (issues #8, #13): the never-capture
// verdict and the pending selection are read together, and the extractor is injected only once
// the verdict says the page may be read. A refused page is never read, not even to throw the
// result away. The popup's first script starts this (entrypoints/popup-start.ts), so the page is
// read while the form's code loads. The popup decides the verdict from the rules the background
// enforces (lib/privacy/capture-rules.ts), so no worker has to wake before the read; it asks the
// background only when it cannot read them.
import { send } from '../messaging/send';
import { t } from '../i18n/t';
import { refusalFor, refusalMessageKey, type CaptureRules } from '../privacy/capture-policy';
import { readCaptureRules } from '../privacy/capture-rules';
import { pendingSelection, takePendingSelection, type PendingSelection } from './pending-selection';
import { runExtractor, type ExtractorRun } from './run-extractor';
import { POPUP_STEP_MARKS } from './prefilled-mark';

export type PageRead =
  | { kind: 'refused'; message: string }
  | { kind: 'unchecked' } // the never-capture check did not answer, so the page was not read
  | { kind: 'selection'; pending: PendingSelection }
  | { kind: 'page'; run: Promise<ExtractorRun> };

/** How long the background may take to answer (a stopped worker starts in well under this). */
const BACKGROUND_TIMEOUT_MS = 3_000;

type Verdict = { kind: 'allowed' } | { kind: 'refused'; message: string } | { kind: 'unchecked' };

/** The never-capture rules' answer for a page as the background words it (privacy/check). */
function verdictOf(url: string, rules: CaptureRules): Verdict {
  const refusal = refusalFor({ lead: { provenance: { origin: 'page', sourceUrl: url, capturedAt: new Date().toISOString(), fields: {} } }, settings: rules });
  return refusal && refusal.code !== 'free_mail_unconfirmed' ? { kind: 'refused', message: t(refusalMessageKey[refusal.code], refusal.subject) } : { kind: 'allowed' };
}

/** The never-capture answer for a page: from the rules when they could be read, else from the
 * background. A check that fails is no permission: the page stays unread (privacy first), and the
 * rep is told to try again. */
export async function pageVerdict(url: string | undefined, rules: Promise<CaptureRules> = readCaptureRules()): Promise<Verdict> {
  if (!url || !/^https?:/.test(url)) return { kind: 'allowed' };
  const local = await rules.then((r) => verdictOf(url, r)).catch(() => undefined);
  if (local) return local;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // A message to a worker that is stopping can go unanswered: the popup must not wait forever.
    const unanswered = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer')), BACKGROUND_TIMEOUT_MS);
    });
    const { refusal } = await Promise.race([send('privacy/check', { sourceUrl: url, emails: [], origin: 'page' }), unanswered]);
    return refusal && refusal.code !== 'free_mail_unconfirmed' ? { kind: 'refused', message: refusal.message } : { kind: 'allowed' };
  } catch {
    return { kind: 'unchecked' };
  } finally {
    clearTimeout(timer);
  }
}

/** What the verdict and the selection hand-over read from storage, asked for before the tab is
 * known (start-early-read.ts) so the read starts once the tab is. */
export interface PageReadInputs {
  rules: Promise<CaptureRules>;
  stored: Promise<PendingSelection | null>;
}

export function readPageReadInputs(): PageReadInputs {
  const inputs = { rules: readCaptureRules(), stored: pendingSelection.getValue() };
  // Failures show where they are awaited (the verdict then asks the background).
  inputs.rules.catch(() => {});
  inputs.stored.catch(() => {});
  return inputs;
}

/** Takes the tab's pending selection, or reads the tab, whichever applies and is allowed. */
export async function beginPageRead(tab: { id?: number; url?: string; pendingUrl?: string } | undefined, { rules, stored }: PageReadInputs = readPageReadInputs()): Promise<PageRead> {
  // One wait instead of two: the tab's page is judged while the pending selection is read.
  const tabVerdict = pageVerdict(tab?.url, rules);
  const pending = await takePendingSelection(tab?.id, Date.now(), stored);
  const url = pending?.url ?? tab?.url;
  const verdict = url === tab?.url ? await tabVerdict : await pageVerdict(url, rules);
  if (verdict.kind !== 'allowed') return verdict;
  if (pending) return { kind: 'selection', pending };
  // Only here, after the verdict: the extractor reads the page.
  performance.mark(POPUP_STEP_MARKS.verdict);
  return { kind: 'page', run: runExtractor(tab) };
}

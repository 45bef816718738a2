// The first steps of a capture, in the order privacy requires (issues #8, #13): the never-capture
// verdict and the pending selection are asked for together, and the extractor is injected only
// once the verdict says the page may be read. A refused page is never read, not even to throw the
// result away. The popup's first script starts this (entrypoints/popup-start.ts), so the page is
// read while the form's code loads.
import { send } from '../messaging/send';
import { takePendingSelection, type PendingSelection } from './pending-selection';
import { runExtractor, type ExtractorRun } from './run-extractor';

export type PageRead =
  | { kind: 'refused'; message: string }
  | { kind: 'unchecked' } // the never-capture check did not answer, so the page was not read
  | { kind: 'selection'; pending: PendingSelection }
  | { kind: 'page'; run: Promise<ExtractorRun> };

type Verdict = { kind: 'allowed' } | { kind: 'refused'; message: string } | { kind: 'unchecked' };

/** The background's never-capture answer for a page. A check that fails is no permission:
 * the page stays unread (privacy first), and the rep is told to try again. */
export async function pageVerdict(url: string | undefined): Promise<Verdict> {
  if (!url || !/^https?:/.test(url)) return { kind: 'allowed' };
  try {
    const { refusal } = await send('privacy/check', { sourceUrl: url, emails: [], origin: 'page' });
    return refusal && refusal.code !== 'free_mail_unconfirmed' ? { kind: 'refused', message: refusal.message } : { kind: 'allowed' };
  } catch {
    return { kind: 'unchecked' };
  }
}

/** Takes the tab's pending selection, or reads the tab, whichever applies and is allowed. */
export async function beginPageRead(tab: { id?: number; url?: string; pendingUrl?: string } | undefined): Promise<PageRead> {
  // One wait instead of two: the tab's page is asked about while the pending selection is read.
  const tabVerdict = pageVerdict(tab?.url);
  const pending = await takePendingSelection(tab?.id);
  const url = pending?.url ?? tab?.url;
  const verdict = url === tab?.url ? await tabVerdict : await pageVerdict(url);
  if (verdict.kind !== 'allowed') return verdict;
  if (pending) return { kind: 'selection', pending };
  // Only here, after the verdict: the extractor reads the page.
  return { kind: 'page', run: runExtractor(tab) };
}

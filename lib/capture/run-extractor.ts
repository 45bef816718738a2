// Runs the extractor in one tab, on demand: activeTab + scripting, no content script. What comes
// back is the page's, unchecked: capture-tab.ts validates it. Kept apart from that validation (and
// so from zod) because the popup's first script (entrypoints/popup-start.ts) starts the read.
import { browser } from '#imports';
import { unscriptableReason, type Unscriptable } from './scriptable';
import { POPUP_STEP_MARKS } from './prefilled-mark';

export type ExtractorRun =
  | { status: 'ran'; result: unknown }
  | { status: 'unscriptable'; reason: Unscriptable }
  | { status: 'failed'; error: string };

/** Beyond this the popup stops waiting: a hostile page must not hang it. */
const TIMEOUT_MS = 6_000;

export async function runExtractor(tab: { id?: number; url?: string; pendingUrl?: string } | undefined, timeoutMs = TIMEOUT_MS): Promise<ExtractorRun> {
  const reason = tab?.id === undefined ? 'no-page' : unscriptableReason(tab.url ?? tab.pendingUrl);
  if (reason) return { status: 'unscriptable', reason };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // injectImmediately: a page that never finishes loading must not keep the popup waiting.
    const run = browser.scripting.executeScript({ target: { tabId: tab!.id! }, files: ['/extractor.js'], injectImmediately: true });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
    });
    const [frame] = await Promise.race([run, timeout]);
    performance.mark(POPUP_STEP_MARKS.extracted);
    return { status: 'ran', result: frame?.result };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Chrome refuses some pages only at injection time (PDF viewer, other extensions' pages, policy).
    if (/cannot access|cannot be scripted|extensions gallery|permission|chrome:\/\/|Missing host/i.test(message)) return { status: 'unscriptable', reason: /pdf/i.test(tab?.url ?? '') ? 'pdf' : 'browser-page' };
    return { status: 'failed', error: message };
  } finally {
    clearTimeout(timer);
  }
}

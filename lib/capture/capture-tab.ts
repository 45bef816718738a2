// Runs the extractor in one tab, on demand: activeTab + scripting, no content script.
import { browser } from '#imports';
import type { Extraction } from '../extract/types';
import { unscriptableReason, type Unscriptable } from './scriptable';

export type CaptureOutcome =
  | { status: 'ok'; extraction: Extraction }
  | { status: 'unscriptable'; reason: Unscriptable }
  | { status: 'failed'; error: string };

/** Beyond this the popup stops waiting: a hostile page must not hang it. */
const TIMEOUT_MS = 6_000;

export async function captureTab(tab: { id?: number; url?: string; pendingUrl?: string } | undefined, timeoutMs = TIMEOUT_MS): Promise<CaptureOutcome> {
  const reason = tab?.id === undefined ? 'no-page' : unscriptableReason(tab.url ?? tab.pendingUrl);
  if (reason) return { status: 'unscriptable', reason };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // injectImmediately: a page that never finishes loading must not keep the popup waiting.
    const run = browser.scripting.executeScript({ target: { tabId: tab!.id! }, files: ['/extractor.js'], injectImmediately: true });
    // The result's schema (zod) loads while the page is read, not with the popup (issue #13).
    const schema = import('./extraction-schema');
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
    });
    const [[frame], { extractionSchema }] = await Promise.race([Promise.all([run, schema]), timeout]);
    const parsed = extractionSchema.safeParse(frame?.result);
    if (!parsed.success) return { status: 'failed', error: 'invalid-result' };
    return { status: 'ok', extraction: parsed.data as Extraction };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Chrome refuses some pages only at injection time (PDF viewer, other extensions' pages, policy).
    if (/cannot access|cannot be scripted|extensions gallery|permission|chrome:\/\/|Missing host/i.test(message)) return { status: 'unscriptable', reason: /pdf/i.test(tab?.url ?? '') ? 'pdf' : 'browser-page' };
    return { status: 'failed', error: message };
  } finally {
    clearTimeout(timer);
  }
}

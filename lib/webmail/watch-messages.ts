// Keeps one button per open message while Gmail and Outlook change the page without reloading:
// DOM mutations and URL changes schedule one re-scan, coalesced, so typing or scrolling costs little.
import { BUTTON_TAG, ensureCaptureButton, type ButtonOptions } from './capture-button';
import type { FoundMessage, MailAdapter } from './types';

export interface WatchOptions {
  adapter: MailAdapter;
  doc: Document;
  signal: AbortSignal;
  button: (found: FoundMessage) => ButtonOptions;
  /** Delay before a re-scan after changes (ms). */
  delay?: number;
}

export interface MessageWatch {
  /** The messages found by the last scan. */
  current(): FoundMessage[];
  /** Re-scans now. */
  sync(): void;
}

export function watchMessages({ adapter, doc, signal, button, delay = 120 }: WatchOptions): MessageWatch {
  let found: FoundMessage[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const sync = () => {
    timer = undefined;
    if (signal.aborted) return;
    found = adapter.findMessages(doc);
    const keep = new Set<Element>();
    for (const m of found) keep.add(ensureCaptureButton(m.anchor, m.key, button(m)));
    // Buttons whose message is gone (or moved) are removed: never two buttons for one message.
    for (const host of doc.querySelectorAll(BUTTON_TAG)) if (!keep.has(host)) host.remove();
    // Our own insertions and removals (and page changes this scan already saw) need no re-scan.
    observer.takeRecords();
  };
  const schedule = () => {
    if (timer === undefined && !signal.aborted) timer = setTimeout(sync, delay);
  };

  // The callback only arms a timer: Gmail mutates constantly, so it must cost next to nothing.
  // Observing starts after the first scan, which so leaves no records of its own buttons to drop.
  const observer = new MutationObserver(schedule);
  sync();
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  const win = doc.defaultView;
  win?.addEventListener('hashchange', schedule, { signal });
  win?.addEventListener('popstate', schedule, { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const host of doc.querySelectorAll(BUTTON_TAG)) host.remove();
  });
  return { current: () => found, sync };
}

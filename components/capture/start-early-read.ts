// What the popup's first script does (entrypoints/popup-start.ts): find the tab and begin its read.
import { targetTab } from './target-tab';
import { webmailClientOf } from '@/lib/webmail/hosts';
import { publishEarlyRead } from '@/lib/capture/early-read';
import { beginPageRead, readPageReadInputs } from '@/lib/capture/page-read';
import { POPUP_STEP_MARKS } from '@/lib/capture/prefilled-mark';

export function startEarlyRead(search: string): void {
  performance.mark(POPUP_STEP_MARKS.start);
  // The webmail capture reads the open email, not the page (CaptureApp decides that itself).
  if (new URLSearchParams(search).has('capture')) return;
  const tab = targetTab(search);
  // The never-capture rules and a pending selection are read while the tab is looked up.
  const inputs = readPageReadInputs();
  // The tab is handed over as soon as it is known (the form's draft and render need only it); the
  // read goes on behind it.
  publishEarlyRead(tab.then((tab) => {
    const read = tab?.url && !webmailClientOf(tab.url) ? beginPageRead(tab, inputs) : undefined;
    read?.catch(() => {}); // the popup begins again where it takes the read (use-capture.ts)
    return { tab, read };
  }));
}

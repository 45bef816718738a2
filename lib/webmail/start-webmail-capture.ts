// The webmail content script's work: a "Capture lead" button next to the sender of every open
// message, kept in step with Gmail's and Outlook's single-page navigation, and an answer for the
// popup asking which message is open. Reading the DOM only; parsing happens in the extension.
import { browser } from '#imports';
import { t } from '../i18n/t';
import { send } from '../messaging/send';
import { buttonLabel } from './button-label';
import { OPEN_MESSAGE_REQUEST } from './capture-for-tab-request';
import { gmailAdapter } from './gmail/adapter';
import { webmailClientAt } from './hosts';
import { outlookAdapter } from './outlook/adapter';
import type { WebmailMessage } from './types';
import { watchMessages } from './watch-messages';

export function startWebmailCapture(signal: AbortSignal, doc: Document = document): void {
  const client = webmailClientAt(doc.location);
  if (!client) return;
  const adapter = client === 'gmail' ? gmailAdapter : outlookAdapter;
  const label = buttonLabel();

  const watch = watchMessages({
    adapter,
    doc,
    signal,
    button: (found) => ({
      client,
      label,
      // "Capture lead: Jan Kowalski" (one label lookup at start, none per message: page load budget).
      title: `${label}: ${found.anchor.textContent?.replace(/\s+/g, ' ').trim() ?? ''}`,
      onClick: () => {
        send('webmail/capture', found.read()).catch((err: unknown) => {
          console.warn(t('webmail_capture_failed', err instanceof Error ? err.message : String(err)));
        });
      },
    }),
  });

  // The popup opened from the toolbar asks for the open message: the last expanded one. Answered
  // through sendResponse, which both Chrome's native API and the polyfill support.
  const onMessage = (msg: unknown, _sender: unknown, sendResponse: (m: WebmailMessage | null) => void): false => {
    if ((msg as { type?: unknown } | null)?.type !== OPEN_MESSAGE_REQUEST) return false;
    watch.sync();
    const found = watch.current();
    sendResponse(found.length ? found[found.length - 1].read() : null);
    return false;
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
}

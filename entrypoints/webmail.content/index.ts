// Gmail and Outlook on the web only (issue #7): the "Capture lead" button next to the sender.
import { defineContentScript } from '#imports';
import { startWebmailCapture } from '@/lib/webmail/start-webmail-capture';
import { WEBMAIL_MATCHES } from '@/lib/webmail/hosts';

export default defineContentScript({
  matches: WEBMAIL_MATCHES,
  runAt: 'document_idle',
  // No "content script started" postMessage into Gmail's/Outlook's window: their own message
  // handlers would run for it on every load, and the page need not learn the extension is there.
  noScriptStartedPostMessage: true,
  // Only the abort signal: this build gets a bare context, not WXT's (see wxt.config.ts).
  main(ctx: { signal: AbortSignal }) {
    startWebmailCapture(ctx.signal);
  },
});

import { browser, type Browser } from '#imports';
import * as z from 'zod/mini';
import { envelope, toBackground, type MessageIn, type MessageOut, type MessageType, type Reply, type Sender } from './protocol';
import { invalidInWords } from '../i18n/invalid-in-words';

export type Handlers = {
  [T in MessageType]: (data: z.output<(typeof toBackground)[T]['in']>, sender: Browser.runtime.MessageSender) => Promise<MessageOut<T>> | MessageOut<T>;
};

/** Classifies a sender: our own extension page, our content script, or neither (refused). */
export function senderKind(sender: Browser.runtime.MessageSender, extensionId = browser.runtime.id): Sender | undefined {
  if (sender.id !== extensionId) return undefined;
  const ownOrigin = `chrome-extension://${extensionId}/`;
  const url = sender.url ?? '';
  if (url.startsWith(ownOrigin) && !sender.tab?.url?.startsWith('http')) return 'extension';
  if (url.startsWith(ownOrigin)) return 'extension'; // an extension page opened in a tab
  if (sender.tab) return 'content';
  return undefined;
}

/** Validates, authorises and dispatches one message. Exported for unit tests. */
export async function handleMessage(
  handlers: Handlers,
  raw: unknown,
  sender: Browser.runtime.MessageSender,
): Promise<Reply<unknown>> {
  const msg = envelope.safeParse(raw);
  if (!msg.success || !Object.hasOwn(toBackground, msg.data.type)) {
    return { ok: false, error: { code: 'unknown_message', message: 'Unknown message.' } };
  }
  const type = msg.data.type as MessageType;
  const spec = toBackground[type];
  const kind = senderKind(sender);
  if (!kind || !(spec.from as readonly Sender[]).includes(kind)) {
    return { ok: false, error: { code: 'forbidden', message: 'This sender may not send that message.' } };
  }
  const input = spec.in.safeParse(msg.data.data);
  if (!input.success) {
    return { ok: false, error: { code: 'invalid', message: invalidInWords(input.error.issues) } };
  }
  try {
    const handler = handlers[type] as (d: unknown, s: Browser.runtime.MessageSender) => Promise<unknown>;
    // The reply is parsed too: only fields its schema lists reach the page (a token a handler
    // let slip is dropped), and a reply that breaks its schema is an error, not sent.
    const output = spec.out.safeParse(await handler(input.data, sender));
    if (!output.success) return { ok: false, error: { code: 'bad_reply', message: z.prettifyError(output.error) } };
    return { ok: true, data: output.data };
  } catch (err) {
    if (err instanceof z.core.$ZodError) return { ok: false, error: { code: 'invalid', message: invalidInWords(err.issues) } };
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: (err as { code?: string }).code ?? 'failed', message } };
  }
}

/** Registers the one runtime.onMessage listener. Call synchronously in the background's main(). */
export function serve(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => handleMessage(handlers, raw, sender));
}

export type { MessageIn };

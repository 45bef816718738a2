import { browser } from '#imports';
import type { MessageIn, MessageOut, MessageType, Reply } from './protocol';

export class MessageError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** Asks the background worker; throws MessageError with the background's reason on failure. */
export async function send<T extends MessageType>(type: T, data: MessageIn<T>): Promise<MessageOut<T>> {
  const reply = (await browser.runtime.sendMessage({ type, data })) as Reply<MessageOut<T>> | undefined;
  if (!reply) throw new MessageError('no_reply', 'The background worker did not answer.');
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.data;
}

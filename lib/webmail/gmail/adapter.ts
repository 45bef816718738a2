// Reads open messages from Gmail's conversation view.
import { mailHtmlToText } from '../../signature/html-to-text';
import { isoDate, partyFromText } from '../parse-address';
import type { FoundMessage, MailAdapter, MailParty } from '../types';
import { gmailSelectors as S } from './selectors';

function party(el: Element): MailParty {
  return partyFromText(el.getAttribute('name') ?? el.textContent, el.getAttribute('email'));
}

/** A link that opens this thread from any Gmail view. */
function threadUrl(doc: Document, loc: Location): string {
  const id = doc.querySelector(S.subject)?.getAttribute('data-legacy-thread-id');
  const base = /^(\/mail\/u\/\d+\/)/.exec(loc.pathname)?.[1] ?? '/mail/u/0/';
  return id && /^[\w-]+$/.test(id) ? `${loc.origin}${base}#all/${id}` : loc.href;
}

export const gmailAdapter: MailAdapter = {
  client: 'gmail',
  findMessages(doc) {
    const main = doc.querySelector(S.main) ?? doc;
    const out: FoundMessage[] = [];
    for (const msg of main.querySelectorAll(S.message)) {
      const sender = msg.querySelector(S.sender);
      const body = msg.querySelector(S.body);
      if (!sender || !body) continue;
      const anchor = sender.closest(S.senderWrap) ?? sender;
      const key = msg.getAttribute('data-message-id') ?? msg.getAttribute('data-legacy-message-id') ?? '';
      out.push({
        key,
        anchor,
        read: () => {
          const dateEl = msg.querySelector(S.date);
          const dateText = dateEl?.getAttribute('title') ?? dateEl?.textContent ?? undefined;
          return {
            client: 'gmail',
            key,
            sender: party(sender),
            to: [...msg.querySelectorAll(S.recipients)].map(party),
            cc: [],
            subject: doc.querySelector(S.subject)?.textContent?.trim() ?? '',
            date: isoDate(dateText),
            dateText: dateText?.trim() || undefined,
            bodyText: mailHtmlToText(body),
            url: threadUrl(doc, doc.defaultView?.location ?? location),
          };
        },
      });
    }
    return out;
  },
};

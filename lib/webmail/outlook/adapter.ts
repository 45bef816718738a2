// Reads open messages from Outlook on the web (outlook.office.com, office365.com, live.com).
import { mailHtmlToText } from '../../signature/html-to-text';
import { isoDate, partyFromText } from '../parse-address';
import type { FoundMessage, MailAdapter, MailParty } from '../types';
import { outlookSelectors as S } from './selectors';

function sender(el: Element): MailParty {
  const label = el.getAttribute('aria-label') ?? '';
  const titled = el.querySelector(S.senderByTitle)?.getAttribute('title') ?? el.getAttribute('title');
  const p = partyFromText(el.textContent, titled ?? el.textContent);
  // The visible text may be the address only; the aria label always has the name.
  const fromLabel = partyFromText(label);
  return { name: p.name || fromLabel.name, email: p.email ?? fromLabel.email };
}

function recipients(line: Element | null): MailParty[] {
  if (!line) return [];
  const items = [...line.querySelectorAll(S.recipient)];
  if (items.length) return items.map((i) => partyFromText(i.textContent, i.getAttribute('title')));
  return (line.textContent ?? '')
    .replace(/^\s*(?:to|do|cc|dw)\s*:\s*/i, '')
    .split(/;|,(?![^<]*>)/)
    .map((t) => partyFromText(t))
    .filter((p) => p.name || p.email);
}

export const outlookAdapter: MailAdapter = {
  client: 'outlook',
  findMessages(doc) {
    const pane = doc.querySelector(S.readingPane) ?? doc;
    const out: FoundMessage[] = [];
    let index = 0;
    for (const msg of pane.querySelectorAll(S.message)) {
      const from = msg.querySelector(S.sender) ?? msg.querySelector(S.senderByTitle);
      const body = msg.querySelector(S.body);
      if (!from || !body) continue;
      const key = msg.getAttribute('data-item-id') ?? msg.getAttribute('data-convid') ?? `${doc.defaultView?.location.pathname ?? ''}#${index}`;
      index++;
      out.push({
        key,
        anchor: from,
        read: () => {
          const dateText = msg.querySelector(S.date)?.textContent?.trim() || undefined;
          return {
            client: 'outlook',
            key,
            sender: sender(from),
            to: recipients(msg.querySelector(S.to)),
            cc: recipients(msg.querySelector(S.cc)),
            subject: pane.querySelector(S.subject)?.textContent?.trim() ?? doc.title,
            date: isoDate(dateText),
            dateText,
            bodyText: mailHtmlToText(body),
            url: (doc.defaultView?.location ?? location).href,
          };
        },
      });
    }
    return out;
  },
};

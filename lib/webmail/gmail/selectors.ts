// Every selector the Gmail adapter relies on, in one place (issue #7). Gmail's class names are
// short and stable for years (InboxSDK and Gmail extensions key on the same ones); the attributes
// (email, name, data-message-id, data-legacy-thread-id, title) carry the data.
// Expected matches on the fixtures (tests/fixtures/webmail/gmail-*.html) are in adapter.test.ts.
export const gmailSelectors = {
  /** The open conversation. */
  main: 'div[role="main"]',
  /** Conversation subject; carries data-legacy-thread-id. */
  subject: 'h2.hP',
  /** One expanded message ("adn ads"); collapsed ones have no body and are skipped. */
  message: 'div.adn[data-message-id], div.adn[data-legacy-message-id]',
  /** The sender: <span class="gD" email="…" name="…">. */
  sender: 'span.gD[email]',
  /** Name and address of the sender together; the button goes right after it, on the sender line (h3.iw). */
  senderWrap: 'h3.iw span.qu',
  /** Recipients on the header line: <span class="g2" email="…" name="…">. */
  recipients: 'span.g2[email]',
  /** The date: <span class="g3" title="Mon, Jan 5, 2026, 10:00 AM">. */
  date: 'span.g3[title]',
  /** The rendered body. */
  body: 'div.a3s',
} as const;

// Every selector the Outlook on the web adapter relies on, in one place (issue #7). Outlook's class
// names are generated and change with each release, so only roles, aria labels, ids and data-*
// attributes are used. Labels are matched in English and Polish (the UI languages we support).
export const outlookSelectors = {
  /** The reading pane with the open conversation. */
  readingPane: '#ReadingPaneContainerId, [data-app-section="ConversationContainer"], div[role="main"]',
  /** Conversation subject. */
  subject: '[role="heading"][aria-level="2"]',
  /** One expanded message in the conversation (collapsed ones have no body). */
  message: '[data-app-section="ItemContainer"], div[role="listitem"][data-convid], div[aria-label="Email message"], div[aria-label="Wiadomość e-mail"]',
  /** The message body. */
  body: 'div[role="document"]',
  /** Sender persona: aria-label "From: Name" / "Od: Name"; its text shows "Name <address>". */
  sender: '[aria-label^="From:"], [aria-label^="Od:"]',
  /** Fallback when the persona has no "From:" label: the first element titled with an address. */
  senderByTitle: 'span[title*="@"], button[title*="@"]',
  /** Recipient lines. */
  to: '[aria-label^="To:"], [aria-label^="Do:"]',
  cc: '[aria-label^="Cc:"], [aria-label^="DW:"], [aria-label^="Dw:"]',
  /** One recipient inside a line: the address is in the title or the text. */
  recipient: 'span[title], button[title]',
  /** Sent/received time. */
  date: '[data-testid="SentReceivedSavedTime"]',
} as const;

/** What the popup sends a webmail tab's content script to read the open message. */
export const OPEN_MESSAGE_REQUEST = 'webmail/open-message';

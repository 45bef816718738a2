// The four webmail hosts LeadClip's content script runs on (issue #7).
import type { WebmailClient } from './types';

export const WEBMAIL_MATCHES = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
];

/** Which client a page belongs to, from its URL. */
export function webmailClientOf(url: string | undefined): WebmailClient | undefined {
  if (!url) return undefined;
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:') return undefined;
    host = u.hostname;
  } catch {
    return undefined;
  }
  if (host === 'mail.google.com') return 'gmail';
  if (host === 'outlook.office.com' || host === 'outlook.office365.com' || host === 'outlook.live.com') return 'outlook';
  return undefined;
}

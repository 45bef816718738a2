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
  try {
    return webmailClientAt(new URL(url));
  } catch {
    return undefined;
  }
}

/** The same from an already parsed URL or the page's own `location` (no URL to build on page load). */
export function webmailClientAt(loc: { protocol: string; hostname: string } | null | undefined): WebmailClient | undefined {
  if (loc?.protocol !== 'https:') return undefined;
  const host = loc.hostname;
  if (host === 'mail.google.com') return 'gmail';
  if (host === 'outlook.office.com' || host === 'outlook.office365.com' || host === 'outlook.live.com') return 'outlook';
  return undefined;
}

// Web addresses that LeadClip stores, shows, syncs and exports (issue #18): http(s) only, so a
// "javascript:", "data:", "vbscript:" or "file:" value can never become a link.
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** True for an absolute http(s) address that a browser reads the same way (no credentials, no controls). */
export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text) || /\p{Cc}/u.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** `raw` as an http(s) address ("acme.pl" -> "https://acme.pl"), or undefined when it is none. */
export function safeWebUrl(raw: string): string | undefined {
  const text = raw.trim();
  const candidate = HAS_SCHEME.test(text) ? text : `https://${text}`;
  return text && isHttpUrl(candidate) ? candidate : undefined;
}

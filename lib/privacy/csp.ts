// The content security policies (issue #8 and #18, docs/security.md). Chrome applies the
// manifest's `extension_pages` policy to the popup, the options page AND the service worker, so it
// must let the worker reach what sync needs; the pages then add a stricter policy of their own.

/**
 * The worker talks to the CRM, Microsoft sign-in and the webhook the rep or administrator sets:
 * any https address, so the policy cannot name hosts, only keep the worker off plain http and
 * other schemes. Test and sandbox builds (`loopback`) also reach the local sandbox on 127.0.0.1.
 */
export function extensionPagesCsp({ loopback }: { loopback: boolean }): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    // No remote image: no lead's website, note or signature can make a page fetch a tracker.
    "img-src 'self' data: blob:",
    `connect-src 'self' https:${loopback ? ' http://127.0.0.1:* http://localhost:*' : ''}`,
  ].join('; ');
}

/**
 * Added to every HTML page by a <meta> tag (both policies apply): pages make no network request
 * of their own, everything goes through the worker, so text a page shows cannot make it call out.
 */
export const PAGE_ONLY_CSP = "connect-src 'self'";

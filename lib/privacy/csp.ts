// The extension pages' content security policy (issue #8, docs/security.md). Stricter than
// Chrome's MV3 default: no plugins, no <base> tricks, no form posts, and images only from the
// extension itself, so no lead's website, note or signature can make a page fetch a tracker.
export const EXTENSION_PAGES_CSP = [
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "img-src 'self' data: blob:",
].join('; ');

// Pages an extension can never script: the popup explains instead of failing (issue #3).
const BLOCKED_SCHEMES = /^(chrome|chrome-extension|edge|brave|opera|vivaldi|about|view-source|devtools|chrome-search|chrome-untrusted|moz-extension|data|blob|javascript):/i;
const STORES = [
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/chromewebstore\.google\.com/i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
];

export type Unscriptable = 'browser-page' | 'web-store' | 'pdf' | 'no-page';

/** Why a URL cannot be captured from, or undefined when it may be. */
export function unscriptableReason(url: string | undefined): Unscriptable | undefined {
  // With activeTab granted, a page we may script shows us its URL; browser pages hide it.
  if (!url) return 'browser-page';
  if (BLOCKED_SCHEMES.test(url)) return 'browser-page';
  if (STORES.some((r) => r.test(url))) return 'web-store';
  if (/\.pdf(?:$|[?#])/i.test(url)) return 'pdf';
  if (!/^(https?|file):/i.test(url)) return 'browser-page';
  return undefined;
}

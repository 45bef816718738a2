// Resolves once libphonenumber-js can parse. Its metadata (83 kB) is bundled into pages and tests,
// so there it is ready at once; the background build swaps this module for
// lib/text/phone-library-deferred.ts, which fetches the metadata on first use (wxt.config.ts):
// the service worker parses only what a wake-up needs (issue #15).
export function phoneMetadataReady(): Promise<void> {
  return Promise.resolve();
}

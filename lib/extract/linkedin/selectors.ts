// Every LinkedIn selector in one place (issue #3). Each field has a chain tried in order: the
// current public (logged-out) markup first, then older and logged-in variants. The fixtures in
// __fixtures__ pin the expected match of each chain, so a LinkedIn redesign fails a test.
export const profileSelectors = {
  name: ['.top-card-layout__title', 'h1.text-heading-xlarge', '.pv-text-details__left-panel h1', 'main h1'],
  headline: ['.top-card-layout__headline', '.text-body-medium.break-words', '.pv-text-details__left-panel .text-body-medium'],
  company: [
    '[data-section="currentPositionsDetails"] .top-card-link__description',
    '.top-card__links-container [data-section="currentPositionsDetails"] span',
    'button[aria-label^="Current company"] div',
    '.pv-text-details__right-panel-item-text',
  ],
  location: ['.top-card__subline-item', '.top-card-layout__first-subline > div', '.pv-text-details__left-panel .text-body-small.inline'],
} as const;

export const companySelectors = {
  name: ['.top-card-layout__title', 'h1.org-top-card-summary__title', '.org-top-card-summary__title', 'main h1'],
  website: ['[data-test-id="about-us__website"] a', '[data-test-id="about-us__website"] dd', '.org-about-us-company-module__website', 'dd a[href^="http"][rel*="noopener"]'],
  industry: ['[data-test-id="about-us__industry"] dd', '.org-top-card-summary-info-list__info-item'],
  headquarters: ['[data-test-id="about-us__headquarters"] dd', '.org-location-card p'],
  phone: ['[data-test-id="about-us__phone"] dd', '.org-about-us-company-module__company-phone'],
} as const;

export type SelectorChain = readonly string[];

/** The first element a chain finds, and which link of the chain found it (for the fixture tests). */
export function firstMatch(root: ParentNode, chain: SelectorChain): { el: Element; index: number } | undefined {
  for (let i = 0; i < chain.length; i++) {
    const el = root.querySelector(chain[i]);
    if (el && (el.textContent ?? '').trim()) return { el, index: i };
  }
  return undefined;
}

/** The performance mark the popup sets once the quick form holds the page's values (issue #13):
 * `npm run bench` (bench/quick-capture.ts) times the toolbar popup by it. */
export const PREFILLED_MARK = 'leadclip:prefilled';

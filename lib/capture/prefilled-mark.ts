/** The performance mark the popup sets once the quick form holds the page's values (issue #13):
 * `npm run bench` (bench/quick-capture.ts) times the toolbar popup by it. */
export const PREFILLED_MARK = 'leadclip:prefilled';

/** The steps on the way there, marked for the same bench's split of that time. */
export const POPUP_STEP_MARKS = {
  /** The popup's first script runs. */
  start: 'leadclip:start',
  /** The page may be read: the extractor is injected. */
  verdict: 'leadclip:verdict',
  /** The extractor's result is back in the popup. */
  extracted: 'leadclip:extracted',
  /** The form is shown, still empty. */
  form: 'leadclip:form',
} as const;

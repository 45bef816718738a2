// Popup wiring for issue #3: run the extractor in the target tab (or take a pending selection),
// prefill the best candidate and let the rep switch to the others.
import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { Browser } from '#imports';
import { applyPrefill } from '@/lib/capture/apply-candidate';
import { choosePrefill, withOrganizationEmail } from '@/lib/capture/prefill-choice';
import { withPersonalPhones, type TollFreeTest } from '@/lib/capture/personal-phones';
import { readExtraction } from '@/lib/capture/capture-tab';
import { beginPageRead, type PageRead } from '@/lib/capture/page-read';
import { candidateLabel, candidateToPrefill, type PhoneFormatter, type Prefill, type TopicFor } from '@/lib/capture/to-prefill';
import type { Candidate } from '@/lib/extract/types';
import { t } from '@/lib/i18n/t';
import type { LeadFormModel } from '@/lib/state/lead-form-model';
import type { Person } from '@/lib/state/people-model';
import type { Provenance } from '@/lib/leads/schema';
import { loadPhoneCode, takeFillCode } from '@/lib/capture/fill-code';
import { PREFILLED_MARK } from '@/lib/capture/prefilled-mark';

/** The people list is of people: an organization alone (the site, an employer) is not a lead to tick. */
const isPerson = (c: Candidate) => c.kind === 'person';

export function useCapture(model: LeadFormModel) {
  const notice = useSignal<{ kind: 'info' | 'warning'; text: string } | undefined>(undefined);
  const candidates = useSignal<Candidate[]>([]);
  const selected = useSignal(0);
  const origin = useSignal<'page' | 'selection'>('page');
  const source = useSignal<string | undefined>(undefined);
  const title = useSignal<string | undefined>(undefined);
  // How many people the capture found; their leads are worked out only when the rep opens the list.
  const peopleCount = useSignal(0);
  // Set by start(); kept across renders (the popup re-renders, and pick() runs in a later one).
  const ctx = useMemo(() => ({
    formatPhone: (() => undefined) as PhoneFormatter,
    isTollFree: (() => false) as TollFreeTest,
    topicFor: ((c) => c.fields.companyname?.value ?? '') as TopicFor,
    people: undefined as Person[] | undefined,
  }), []);
  // A person without an address of their own gets the organization's, as eval:extract scores it (#14).
  // A toll-free line or the fax is no person's Business or Mobile Phone (#14).
  const prefillOf = (c: Candidate): Prefill => candidateToPrefill(withPersonalPhones(withOrganizationEmail(c, candidates.value), ctx.isTollFree), ctx.formatPhone, ctx.topicFor);
  // Heavy parsers load only when needed: libphonenumber-js for web pages and found phones, the text parser for selections.
  async function loadPhoneFormatter(found: Candidate[], code: ReturnType<typeof loadPhoneCode> | undefined) {
    if (!found.some((c) => c.fields.telephone1 || c.fields.mobilephone || c.fields.fax)) return;
    const [{ normalizePhone, isTollFree }, country] = await (code ?? loadPhoneCode());
    ctx.formatPhone = (raw) => normalizePhone(raw, country)?.display;
    ctx.isTollFree = (raw) => isTollFree(raw, country);
  }

  /** `fill` says whether the form still wants the found person when the read ends (the side
   * panel's form may have been saved and cleared by then). `early` is the read the popup's first
   * script began (lib/capture/early-read.ts); without it the read begins here. */
  async function start(tab: Browser.tabs.Tab | undefined, fill: () => boolean = () => true, early?: Promise<PageRead>): Promise<void> {
    // The Topic and phone code load beside the page read (the popup began them as it started:
    // lib/capture/fill-code.ts); the popup's entry chunk stays small.
    const { topics, phone: phoneCode } = takeFillCode(!!tab?.url && /^https?:/.test(tab.url));
    phoneCode?.catch(() => {}); // a failure shows where it is awaited
    topics.catch(() => {});
    // Privacy (issue #8): a never-capture site (or the rep's own company) is not read at all.
    // An early read that failed did so before any injection (runExtractor does not throw): begin again.
    let read = await (early ? early.catch(() => beginPageRead(tab)) : beginPageRead(tab));
    // The first script may have asked before the worker was up: ask once more, then give up unread.
    if (read.kind === 'unchecked' && early) read = await beginPageRead(tab);
    if (read.kind === 'unchecked') {
      notice.value = { kind: 'warning', text: t('capture_check_failed') };
      return;
    }
    if (read.kind === 'refused') {
      notice.value = { kind: 'warning', text: read.message };
      return;
    }
    let found: Candidate[];
    let pageTitle: string | undefined;
    if (read.kind === 'selection') {
      const { pending } = read;
      origin.value = 'selection';
      source.value = pending.url;
      const { extractSelection } = await import('@/lib/extract/extract-selection');
      found = extractSelection(pending.text, pending.url && /^https?:/.test(pending.url) ? pending.url : 'selection');
      notice.value = { kind: 'info', text: t(found.length ? 'capture_from_selection' : 'capture_nothing_found') };
    } else {
      const outcome = await readExtraction(read.run);
      if (outcome.status === 'unscriptable') {
        notice.value = { kind: 'info', text: t(`capture_unscriptable_${outcome.reason.replace('-', '_')}`) };
        return;
      }
      if (outcome.status === 'failed') {
        notice.value = { kind: 'warning', text: t('capture_failed') };
        return;
      }
      source.value = outcome.extraction.url;
      pageTitle = outcome.extraction.title;
      found = outcome.extraction.candidates;
      if (!found.length) notice.value = { kind: 'info', text: t('capture_nothing_found') };
      else if (outcome.extraction.truncated) notice.value = { kind: 'info', text: t('capture_truncated') };
    }
    const { defaultTopic, pattern } = await topics;
    ctx.topicFor = (c) => defaultTopic(pattern, {
      company: c.fields.companyname?.value,
      name: [c.fields.firstname?.value, c.fields.lastname?.value].filter(Boolean).join(' ') || undefined,
      jobtitle: c.fields.jobtitle?.value,
      pageTitle,
      url: source.value,
    });
    title.value = pageTitle;
    await loadPhoneFormatter(found, phoneCode);
    candidates.value = found;
    ctx.people = undefined;
    peopleCount.value = found.filter(isPerson).length;
    // The same choice `npm run eval:extract` scores (issue #14): a person only with enough evidence.
    const chosen = choosePrefill(found);
    selected.value = chosen;
    if (chosen >= 0 && fill()) {
      applyPrefill(model, prefillOf(found[chosen]), undefined, origin.value, source.value);
      // Preact renders the values in a microtask, so a timer runs after they are in the form:
      // `npm run bench` times the toolbar popup by this mark (issue #13).
      setTimeout(() => performance.mark(PREFILLED_MARK), 0);
    }
  }

  function pick(index: number): void {
    const next = candidates.value[index];
    if (!next || index === selected.value) return;
    // The form shows a saved lead: the next person is a new lead, never an edit of that one (issue #13).
    const fresh = !!model.state.value.id;
    if (fresh) model.startNew();
    const previous = fresh ? undefined : candidates.value[selected.value];
    applyPrefill(model, prefillOf(next), previous ? prefillOf(previous) : undefined, origin.value, source.value);
    selected.value = index;
  }

  return {
    start,
    pick,
    /** Everyone found, as the leads they would become (issue #13). */
    peopleCount,
    /** Everyone found, as the leads they would become (issue #13). */
    people: (): Person[] => (ctx.people ??= candidates.value.filter(isPerson).map((c) => ({ label: candidateLabel(c), prefill: prefillOf(c) }))),
    /** Where a lead saved from this capture came from. */
    provenance: (): Provenance => ({ origin: origin.value, sourceUrl: source.value, pageTitle: title.value?.slice(0, 500), capturedAt: new Date().toISOString(), fields: {} }),
    bar: () => ({ notice: notice.value, options: candidates.value.map((c) => ({ label: candidateLabel(c) })), selected: selected.value, onPick: pick }),
  };
}

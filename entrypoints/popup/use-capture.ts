// Popup wiring for issue #3: run the extractor in the target tab (or take a pending selection),
// prefill the best candidate and let the rep switch to the others.
import { useSignal } from '@preact/signals';
import type { Browser } from '#imports';
import { applyPrefill } from '@/lib/capture/apply-candidate';
import { captureTab } from '@/lib/capture/capture-tab';
import { takePendingSelection } from '@/lib/capture/pending-selection';
import { candidateLabel, candidateToPrefill, type Prefill } from '@/lib/capture/to-prefill';
import type { Candidate } from '@/lib/extract/types';
import { t } from '@/lib/i18n/t';
import type { LeadFormModel } from '@/lib/state/lead-form-model';

export function useCapture(model: LeadFormModel) {
  const notice = useSignal<{ kind: 'info' | 'warning'; text: string } | undefined>(undefined);
  const candidates = useSignal<Candidate[]>([]);
  const selected = useSignal(0);
  const origin = useSignal<'page' | 'selection'>('page');
  const source = useSignal<string | undefined>(undefined);

  const prefillOf = (c: Candidate): Prefill => candidateToPrefill(c, 'PL');

  async function start(tab: Browser.tabs.Tab | undefined): Promise<void> {
    const pending = await takePendingSelection(tab?.id);
    let found: Candidate[];
    if (pending) {
      origin.value = 'selection';
      source.value = pending.url;
      found = pending.candidates;
      notice.value = { kind: 'info', text: t(found.length ? 'capture_from_selection' : 'capture_nothing_found') };
    } else {
      const outcome = await captureTab(tab);
      if (outcome.status === 'unscriptable') {
        notice.value = { kind: 'info', text: t(`capture_unscriptable_${outcome.reason.replace('-', '_')}`) };
        return;
      }
      if (outcome.status === 'failed') {
        notice.value = { kind: 'warning', text: t('capture_failed') };
        return;
      }
      source.value = outcome.extraction.url;
      found = outcome.extraction.candidates;
      if (!found.length) notice.value = { kind: 'info', text: t('capture_nothing_found') };
      else if (outcome.extraction.truncated) notice.value = { kind: 'info', text: t('capture_truncated') };
    }
    candidates.value = found;
    selected.value = 0;
    if (found[0]) applyPrefill(model, prefillOf(found[0]), undefined, origin.value, source.value);
  }

  function pick(index: number): void {
    const next = candidates.value[index];
    if (!next || index === selected.value) return;
    const previous = candidates.value[selected.value];
    applyPrefill(model, prefillOf(next), previous ? prefillOf(previous) : undefined, origin.value, source.value);
    selected.value = index;
  }

  return {
    start,
    pick,
    bar: () => ({ notice: notice.value, options: candidates.value.map((c) => ({ label: candidateLabel(c) })), selected: selected.value, onPick: pick }),
  };
}

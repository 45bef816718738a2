import { useEffect, useMemo } from 'preact/hooks';
import { effect, useSignal } from '@preact/signals';
import { LeadForm } from '@/components/lead-form/lead-form';
import { clearDraft, loadDraft, saveDraft } from '@/lib/drafts/draft-store';
import { t } from '@/lib/i18n/t';
import { send } from '@/lib/messaging/send';
import { createLeadFormModel, emptyFormState } from '@/lib/state/lead-form-model';
import { targetTab } from './target-tab';
import { useCapture } from './use-capture';
import { CaptureBar } from '@/components/capture/capture-bar';

export function App() {
  const model = useMemo(() => createLeadFormModel(), []);
  const ready = useSignal(false);
  const saving = useSignal(false);
  const message = useSignal<{ kind: 'ok' | 'error' | 'info'; text: string } | undefined>(undefined);
  const draftKey = useSignal('manual');
  const capture = useCapture(model);

  useEffect(() => {
    let stopAutosave: (() => void) | undefined;
    void (async () => {
      const tab = await targetTab();
      draftKey.value = tab?.url && !tab.url.startsWith('chrome-extension:') ? `url:${tab.url}` : 'manual';
      const draft = await loadDraft(draftKey.value);
      if (draft) {
        model.state.value = draft;
        message.value = { kind: 'info', text: t('status_draft_restored') };
      } else if (tab?.url?.startsWith('http')) {
        model.update({ provenance: { origin: 'page', sourceUrl: tab.url, pageTitle: tab.title, capturedAt: new Date().toISOString(), fields: {} } });
      }
      ready.value = true;
      // Prefill from the page (or a pending selection) after a restored draft: only empty fields take values.
      await capture.start(tab);
      // Every change is kept as a draft until saved, so closing the popup loses nothing.
      let timer: ReturnType<typeof setTimeout> | undefined;
      stopAutosave = effect(() => {
        const state = model.state.value;
        clearTimeout(timer);
        timer = setTimeout(() => void saveDraft(draftKey.peek(), state), 150);
      });
    })();
    return () => stopAutosave?.();
  }, []);

  async function save(close: boolean) {
    const result = model.submit();
    if (!result.ok) {
      document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    saving.value = true;
    try {
      const { lead } = await send('leads/save', { lead: result.draft });
      await clearDraft(draftKey.value);
      if (close) {
        window.close();
        return;
      }
      model.update({ id: lead.id });
      message.value = { kind: 'ok', text: t('status_saved') };
    } catch (err) {
      message.value = { kind: 'error', text: t('error_save_failed', err instanceof Error ? err.message : String(err)) };
    } finally {
      saving.value = false;
    }
  }

  if (!ready.value) return <div class="loading" aria-busy="true" />;
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t(model.state.value.id ? 'form_title_edit' : 'form_title_new')}</h1>
        <button type="button" class="link" data-action="clear" onClick={() => {
          model.state.value = emptyFormState();
          model.errors.value = {};
          void clearDraft(draftKey.value);
        }}>{t('action_clear')}</button>
      </header>
      <LeadForm model={model} header={<CaptureBar {...capture.bar()} />} onSave={save} saving={saving.value} message={message.value} />
    </main>
  );
}

import { useEffect, useMemo } from 'preact/hooks';
import { effect, useModel, useSignal } from '@preact/signals';
import { browser, type Browser } from '#imports';
import { focusFirstInvalid, LeadForm } from '@/components/lead-form/lead-form';
import { clearDraft, loadDraft, saveDraft } from '@/lib/drafts/draft-store';
import { t } from '@/lib/i18n/t';
import { send } from '@/lib/messaging/send';
import type { ScoringRules } from '@/lib/leads/score';
import type { LeadFieldName } from '@/lib/leads/schema';
import { createLeadFormModel, type LeadFormState } from '@/lib/state/lead-form-model';
import { CaptureSaveModel } from '@/lib/state/capture-save-model';
import { targetTab as popupTargetTab } from './target-tab';
import { useCapture } from './use-capture';
import type { EarlyRead } from '@/lib/capture/early-read';
import { POPUP_STEP_MARKS } from '@/lib/capture/prefilled-mark';
import { CaptureBar } from '@/components/capture/capture-bar';
import { saveProblem } from '@/components/privacy/save-error';
import { webmailClientOf } from '@/lib/webmail/hosts';
import type { EmailPrefill } from '@/lib/webmail/email-to-lead';
import { ConfirmFreeMail, CrmMatches, DuplicatePanel, EmailCaptureNotice, FoldedSections, PeopleFold, PrivacyNotice, QualifyActions, RecentCaptures, ScoreAside } from './on-demand-panels';

/** Nothing typed or found yet: not worth keeping as a draft. */
const isBlank = (s: LeadFormState) =>
  !s.id && !s.timeline.length && !s.stakeholders.length && Object.values(s.values).every((v) => v === undefined || v === '' || v === false);

const NoSections = () => null;

export interface CaptureAppProps {
  /** The tab to read: the popup's (`?tabId=N` or the active tab) unless the side panel names one. */
  targetTab?: () => Promise<Browser.tabs.Tab | undefined>;
  /** The side panel stays open: "Save & Close" saves and starts a new lead instead of closing. */
  stayOpen?: boolean;
  /** The tab and its read as the popup's first script began them (lib/capture/early-read.ts). */
  early?: Promise<EarlyRead>;
}

/** The capture UI shared by the popup and the side panel (issue #13). */
export function CaptureApp({ targetTab = popupTargetTab, stayOpen = false, early }: CaptureAppProps) {
  const model = useMemo(() => createLeadFormModel(), []);
  const ready = useSignal(false);
  const draftKey = useSignal('manual');
  const capture = useCapture(model);
  const rules = useSignal<ScoringRules | undefined>(undefined);
  // Whether the autosave holds unsaved work ('stored') or nothing ('none'); shown on <main> for tests.
  const draftStatus = useSignal<'stored' | 'none' | undefined>(undefined);
  const filled = useSignal(false);
  // Webmail (issue #7): the open email fills the form; the box decides whether it becomes a note.
  const mail = useSignal<EmailPrefill | undefined>(undefined);
  const attachNote = useSignal(true);
  // Save, duplicates, free-mail confirmation and Qualify (issue #15): the flow lives in the model.
  const flow = useModel(() => new CaptureSaveModel({
    form: model,
    submit: (input) => send('leads/save', input),
    merge: (input) => send('leads/merge', input),
    problemOf: saveProblem,
    clearDraft: () => clearDraft(draftKey.peek()),
    close: stayOpen ? undefined : () => window.close(),
    onInvalid: () => focusFirstInvalid(),
    // The webmail note's code loads only when there is a note to attach.
    prepare: async (draft) => {
      const note = mail.peek() && attachNote.peek() ? mail.peek()!.note : undefined;
      return note ? (await import('@/lib/webmail/with-email-note')).withEmailNote(draft, note) : draft;
    },
    // The panels the answer may open are fetched while the background works.
    preload: (close, isNew) => void Promise.all([ConfirmFreeMail.preload(), !close && QualifyActions.preload(), !close && isNew && DuplicatePanel.preload()]).catch(() => {}),
  }));
  const { message, duplicates, confirm, saved, savedState, saves } = flow;

  useEffect(() => {
    let stopAutosave: (() => void) | undefined;
    void send('settings/scoring-get', {}).then((r) => (rules.value = r.rules), () => {});
    void (async () => {
      // The popup's first script may have found the tab and begun its read already.
      const { tab, read } = (await early?.catch(() => undefined)) ?? { tab: await targetTab() };
      // The webmail reader loads only for tabs that may be webmail (a known other URL is not asked).
      const maybeMail = tab?.id && !(tab.url && !webmailClientOf(tab.url));
      const email = maybeMail
        ? await (await import('@/lib/webmail/capture-for-tab')).webmailMessageForTab(tab, new URLSearchParams(location.search).get('capture') === 'webmail')
        : undefined;
      // The signature parser and phone metadata load only for webmail tabs, and with them the
      // notice saying where the values came from (so it shows together with the form).
      mail.value = email
        ? (await Promise.all([import('@/lib/webmail/email-to-lead'), EmailCaptureNotice.preload().catch(() => {})]))[0].emailToLead(email)
        : undefined;
      draftKey.value = email ? `mail:${email.client}:${email.key}` : tab?.url && !tab.url.startsWith('chrome-extension:') ? `url:${tab.url}` : 'manual';
      const draft = await loadDraft(draftKey.value);
      if (draft) {
        model.state.value = draft;
        message.value = { kind: 'info', text: t('status_draft_restored') };
      } else if (mail.value) {
        model.update({ provenance: mail.value.provenance });
        model.prefill(mail.value.values, mail.value.provenance.fields);
      } else if (tab?.url?.startsWith('http')) {
        model.update({ provenance: { origin: 'page', sourceUrl: tab.url, pageTitle: tab.title, capturedAt: new Date().toISOString(), fields: {} } });
      }
      ready.value = true;
      performance.mark(POPUP_STEP_MARKS.form);
      // Page capture (issue #3): prefill from the page or a pending selection; only empty fields take values.
      try {
        // A lead saved before the page was read (a quick rep in the side panel) is not filled again.
        if (!mail.value) await capture.start(tab, () => saves.peek() === 0, read);
      } finally {
        // The rest (folded sections, score, recent captures) comes once the quick form is filled,
        // in a task of its own: the filled quick form is painted first (issue #13).
        await new Promise((resolve) => setTimeout(resolve, 0));
        filled.value = true;
      }
      // Every change is kept as a draft until saved, so closing the popup loses nothing.
      let timer: ReturnType<typeof setTimeout> | undefined;
      stopAutosave = effect(() => {
        const state = model.state.value;
        clearTimeout(timer);
        const unsaved = state !== savedState.peek() && !isBlank(state);
        timer = setTimeout(() => void (unsaved ? saveDraft(draftKey.peek(), state) : clearDraft(draftKey.peek())).then(() => (draftStatus.value = unsaved ? 'stored' : 'none')), 150);
      });
    })();
    return () => stopAutosave?.();
  }, []);

  const dup = duplicates.value;
  const header = (
    <>
      <PrivacyNotice model={model} />
      {!mail.value && <CaptureBar {...capture.bar()} />}
      {capture.peopleCount.value > 1 && (
        <PeopleFold count={capture.peopleCount.value} people={capture.people} provenance={capture.provenance} onSaved={() => flow.countSave()}
          leadUrl={(id) => browser.runtime.getURL(`/options.html#/lead/${id}`)} />
      )}
      {confirm.value && <ConfirmFreeMail text={confirm.value.text} onConfirm={confirm.value.retry} />}
      {mail.value && <EmailCaptureNotice prefill={mail.value} attach={attachNote} />}
      {dup && (
        <DuplicatePanel
          matches={dup.matches}
          values={model.state.value.values}
          busy={flow.saving.value}
          onOpen={flow.openDuplicate}
          onMerge={(targetId, fields: LeadFieldName[]) => void flow.merge(targetId, fields)}
          onSaveAnyway={() => void flow.saveAnyway()}
          onCancel={flow.cancelDuplicates}
        />
      )}
      {saved.value && saved.value.id !== model.state.value.id && (
        <p class="saved-link">
          <a data-testid="saved-link" href={browser.runtime.getURL(`/options.html#/lead/${saved.value.id}`)} target="_blank" rel="noopener">
            {t('capture_saved_link', [`${saved.value.firstname ?? ''} ${saved.value.lastname}`.trim()])}
          </a>
        </p>
      )}
    </>
  );
  const aside = (
    <>
      {filled.value && rules.value && <ScoreAside model={model} rules={rules.value} />}
      {saved.value && saved.value.id === model.state.value.id && (
        <QualifyActions lead={saved.value} onChanged={flow.qualified} />
      )}
    </>
  );

  if (!ready.value) return <div class="loading" aria-busy="true" />;
  return (
    <main class="popup" data-draft={draftStatus.value}>
      <header class="popup-header">
        <h1>{t(model.state.value.id ? 'form_title_edit' : 'form_title_new')}</h1>
        <button type="button" class="link" data-action="clear" onClick={flow.startNew}>{t('action_clear')}</button>
      </header>
      <CrmMatches model={model} />
      <LeadForm model={model} layout="quick" sections={filled.value ? FoldedSections : NoSections} header={header} aside={aside} onSave={flow.save} saving={flow.saving.value} message={message.value} />
      {filled.value && <RecentCaptures version={saves.value} />}
    </main>
  );
}

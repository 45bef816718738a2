import { useEffect, useMemo } from 'preact/hooks';
import { batch, effect, useSignal } from '@preact/signals';
import { browser } from '#imports';
import { focusFirstInvalid, LeadForm } from '@/components/lead-form/lead-form';
import type { DuplicateMatchView } from '@/components/pipeline/duplicate-panel';
import { clearDraft, loadDraft, saveDraft } from '@/lib/drafts/draft-store';
import { t } from '@/lib/i18n/t';
import { send } from '@/lib/messaging/send';
import type { ScoringRules } from '@/lib/leads/score';
import type { LeadDraft, LeadFieldName, LeadRecord } from '@/lib/leads/schema';
import { createLeadFormModel, formStateFromLead, type LeadFormState } from '@/lib/state/lead-form-model';
import { targetTab } from './target-tab';
import { useCapture } from './use-capture';
import { CaptureBar } from '@/components/capture/capture-bar';
import { saveProblem } from '@/components/privacy/save-error';
import { webmailClientOf } from '@/lib/webmail/hosts';
import type { EmailPrefill } from '@/lib/webmail/email-to-lead';
import { ConfirmFreeMail, CrmMatches, DuplicatePanel, EmailCaptureNotice, FoldedSections, PeopleFold, PrivacyNotice, QualifyActions, RecentCaptures, ScoreAside } from './on-demand-panels';

/** Nothing typed or found yet: not worth keeping as a draft. */
const isBlank = (s: LeadFormState) =>
  !s.id && !s.timeline.length && !s.stakeholders.length && Object.values(s.values).every((v) => v === undefined || v === '' || v === false);

const NoSections = () => null;

export function App() {
  const model = useMemo(() => createLeadFormModel(), []);
  const ready = useSignal(false);
  const saving = useSignal(false);
  const message = useSignal<{ kind: 'ok' | 'error' | 'info'; text: string } | undefined>(undefined);
  const draftKey = useSignal('manual');
  const capture = useCapture(model);
  const rules = useSignal<ScoringRules | undefined>(undefined);
  // Possible duplicates found on save, and the draft and close choice waiting on the rep.
  const duplicates = useSignal<{ matches: DuplicateMatchView[]; draft: LeadDraft; close: boolean; confirmFreeMail: boolean } | undefined>(undefined);
  // Privacy (issue #8): a free-mail sender waits for the rep's yes; `retry` saves again with it.
  const confirm = useSignal<{ text: string; retry: () => void } | undefined>(undefined);
  const saved = useSignal<LeadRecord | undefined>(undefined);
  // The form state exactly as last saved: the autosave never keeps that as a "draft" (issue #13).
  const savedState = useSignal<LeadFormState | undefined>(undefined);
  // Whether the autosave holds unsaved work ('stored') or nothing ('none'); shown on <main> for tests.
  const draftStatus = useSignal<'stored' | 'none' | undefined>(undefined);
  // Counts saves, so the recent captures list reads itself again.
  const saves = useSignal(0);
  const filled = useSignal(false);
  // Webmail (issue #7): the open email fills the form; the box decides whether it becomes a note.
  const mail = useSignal<EmailPrefill | undefined>(undefined);
  const attachNote = useSignal(true);

  useEffect(() => {
    let stopAutosave: (() => void) | undefined;
    void send('settings/scoring-get', {}).then((r) => (rules.value = r.rules), () => {});
    void (async () => {
      const tab = await targetTab();
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
      // Page capture (issue #3): prefill from the page or a pending selection; only empty fields take values.
      try {
        if (!mail.value) await capture.start(tab);
      } finally {
        // The rest (folded sections, score, recent captures) comes once the quick form is filled.
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

  /** "Saved", plus what normalisation could not make sense of (kept as typed). */
  const savedText = (issues: { field: string; code: string }[]) =>
    issues.length ? `${t('status_saved')} ${t('issues_kept', [issues.map((i) => `${t(`field_${i.field}`)} (${t(`issue_${i.code}`)})`).join(', ')])}` : t('status_saved');

  /** Shows a stored lead in the form, as saved: editing it edits that lead. */
  function showSaved(lead: LeadRecord) {
    const state = formStateFromLead(lead);
    batch(() => {
      savedState.value = state;
      saved.value = lead;
      model.state.value = state;
    });
  }

  async function finish(lead: LeadRecord, close: boolean, text = t('status_saved')) {
    saves.value++;
    await clearDraft(draftKey.value);
    duplicates.value = undefined;
    if (close) return void window.close();
    showSaved(lead);
    message.value = { kind: 'ok', text };
  }

  async function guarded(action: () => Promise<void>, retryConfirmed?: () => void) {
    saving.value = true;
    confirm.value = undefined;
    try {
      await action();
    } catch (err) {
      const problem = saveProblem(err);
      if (problem.kind === 'confirm_free_mail' && retryConfirmed) confirm.value = { text: problem.text, retry: retryConfirmed };
      message.value = { kind: 'error', text: problem.display };
    } finally {
      saving.value = false;
    }
  }

  async function save(close: boolean, confirmFreeMail = false) {
    const result = model.submit();
    if (!result.ok) return focusFirstInvalid();
    // The panels the answer may open are fetched while the background works.
    void Promise.all([ConfirmFreeMail.preload(), !close && QualifyActions.preload(), !close && !model.state.value.id && DuplicatePanel.preload()]).catch(() => {});
    const note = mail.value && attachNote.value ? mail.value.note : undefined;
    const draft = note ? (await import('@/lib/webmail/with-email-note')).withEmailNote(result.draft, note) : result.draft;
    await guarded(async () => {
      // A new lead is checked for duplicates first; an edit of a stored one is not.
      const out = await send('leads/save', { lead: draft, onDuplicate: model.state.value.id ? 'save' : 'ask', confirmFreeMail });
      if (out.status === 'duplicates') {
        duplicates.value = { matches: out.matches, draft, close, confirmFreeMail };
        return;
      }
      await finish(out.lead, close, savedText(out.issues));
    }, () => void save(close, true));
  }

  const dup = duplicates.value;
  const header = (
    <>
      <PrivacyNotice model={model} />
      {!mail.value && <CaptureBar {...capture.bar()} />}
      {capture.peopleCount.value > 1 && (
        <PeopleFold count={capture.peopleCount.value} people={capture.people} provenance={capture.provenance} onSaved={() => saves.value++}
          leadUrl={(id) => browser.runtime.getURL(`/options.html#/lead/${id}`)} />
      )}
      {confirm.value && <ConfirmFreeMail text={confirm.value.text} onConfirm={confirm.value.retry} />}
      {mail.value && <EmailCaptureNotice prefill={mail.value} attach={attachNote} />}
      {dup && (
        <DuplicatePanel
          matches={dup.matches}
          values={model.state.value.values}
          busy={saving.value}
          onOpen={(lead) => {
            void clearDraft(draftKey.value);
            duplicates.value = undefined;
            showSaved(lead);
            message.value = { kind: 'info', text: t('dup_opened') };
          }}
          onMerge={(targetId, fields: LeadFieldName[]) => guarded(async () => {
            const { lead } = await send('leads/merge', { targetId, values: dup.draft as unknown as Record<string, unknown>, fields, timeline: dup.draft.timeline });
            await finish(lead, dup.close, t('dup_merged'));
          })}
          onSaveAnyway={() => guarded(async () => {
            const out = await send('leads/save', { lead: dup.draft, onDuplicate: 'save', confirmFreeMail: dup.confirmFreeMail });
            if (out.status === 'saved') await finish(out.lead, dup.close, savedText(out.issues));
          })}
          onCancel={() => (duplicates.value = undefined)}
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
        <QualifyActions lead={saved.value} onChanged={(lead) => {
          showSaved(lead);
          message.value = { kind: 'ok', text: t('status_saved') };
        }} />
      )}
    </>
  );

  if (!ready.value) return <div class="loading" aria-busy="true" />;
  return (
    <main class="popup" data-draft={draftStatus.value}>
      <header class="popup-header">
        <h1>{t(model.state.value.id ? 'form_title_edit' : 'form_title_new')}</h1>
        <button type="button" class="link" data-action="clear" onClick={() => {
          // A new lead; the saved one (if any) stays as saved, offered as a link.
          model.startNew();
          duplicates.value = undefined;
          void clearDraft(draftKey.value);
        }}>{t('action_clear')}</button>
      </header>
      <CrmMatches model={model} />
      <LeadForm model={model} layout="quick" sections={filled.value ? FoldedSections : NoSections} header={header} aside={aside} onSave={save} saving={saving.value} message={message.value} />
      {filled.value && <RecentCaptures version={saves.value} />}
    </main>
  );
}

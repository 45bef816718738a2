// The capture form's save flow, shared by the popup and the side panel (issues #13, #15): Save and
// Save & Close, the duplicate answer (open, merge, save anyway), the free-mail confirmation, and the
// saved lead that Qualify works on and that stays a link once the form moves on. The component only
// composes; the background calls come in `deps`, so the flow is tested without a browser.
import { batch, createModel, signal } from '@preact/signals';
import { t } from '../i18n/t';
import type { MessageIn, MessageOut } from '../messaging/protocol';
import type { LeadDraft, LeadFieldName, LeadRecord } from '../leads/schema';
import { formStateFromLead, type LeadFormModel, type LeadFormState } from './lead-form-model';

type Submitted = MessageOut<'leads/save'>;
export type DuplicateMatch = Extract<Submitted, { status: 'duplicates' }>['matches'][number];
export type FormMessage = { kind: 'ok' | 'error' | 'info'; text: string };

export interface CaptureSaveDeps {
  form: LeadFormModel;
  submit(input: MessageIn<'leads/save'>): Promise<Submitted>;
  merge(input: MessageIn<'leads/merge'>): Promise<MessageOut<'leads/merge'>>;
  /** How a failed save reads to the rep; `confirm_free_mail` waits for the rep's yes (issue #8). */
  problemOf(err: unknown): { kind: string; text: string; display: string };
  /** Forgets the autosaved draft: what it held is saved now. */
  clearDraft(): Promise<void>;
  /** Save & Close in the popup; absent in the side panel, which stays open for the next lead. */
  close?: () => void;
  /** After a refused Save: the rep is shown the first invalid field. */
  onInvalid?: () => void;
  /** The draft as sent (webmail adds the email as a note); as is when absent. */
  prepare?: (draft: LeadDraft) => Promise<LeadDraft>;
  /** Fetches the panels an answer may open while the background works. */
  preload?: (close: boolean, isNew: boolean) => void;
}

/** A new lead's Save found possible duplicates: the draft and the choices wait on the rep. */
export interface PendingDuplicates { matches: DuplicateMatch[]; draft: LeadDraft; close: boolean; confirmFreeMail: boolean }

/** "Saved", plus what normalisation could not make sense of (kept as typed). */
export const savedText = (issues: { field: string; code: string }[]) =>
  issues.length ? `${t('status_saved')} ${t('issues_kept', [issues.map((i) => `${t(`field_${i.field}`)} (${t(`issue_${i.code}`)})`).join(', ')])}` : t('status_saved');

export const CaptureSaveModel = createModel((deps: CaptureSaveDeps) => {
  const { form } = deps;
  const saving = signal(false);
  const message = signal<FormMessage | undefined>(undefined);
  const duplicates = signal<PendingDuplicates | undefined>(undefined);
  const confirm = signal<{ text: string; retry: () => void } | undefined>(undefined);
  /** The lead last saved or opened; a link once the form holds another lead. */
  const saved = signal<LeadRecord | undefined>(undefined);
  /** The form state exactly as last saved: the autosave never keeps that as a "draft" (issue #13). */
  const savedState = signal<LeadFormState | undefined>(undefined);
  /** Counts saves, so the recent captures list reads itself again. */
  const saves = signal(0);

  /** Shows a stored lead in the form, as saved: editing it edits that lead. */
  function showSaved(lead: LeadRecord) {
    const state = formStateFromLead(lead);
    batch(() => {
      savedState.value = state;
      saved.value = lead;
      form.state.value = state;
    });
  }

  async function finish(lead: LeadRecord, close: boolean, text: string) {
    saves.value++;
    await deps.clearDraft();
    duplicates.value = undefined;
    if (close && deps.close) return deps.close();
    showSaved(lead);
    // The panel's Save & Close: the saved lead stays a link, the form is ready for the next one.
    if (close) form.startNew();
    message.value = { kind: 'ok', text };
  }

  async function guarded(action: () => Promise<void>, retryConfirmed?: () => void) {
    saving.value = true;
    confirm.value = undefined;
    try {
      await action();
    } catch (err) {
      const problem = deps.problemOf(err);
      if (problem.kind === 'confirm_free_mail' && retryConfirmed) confirm.value = { text: problem.text, retry: retryConfirmed };
      message.value = { kind: 'error', text: problem.display };
    } finally {
      saving.value = false;
    }
  }

  async function save(close: boolean, confirmFreeMail = false): Promise<void> {
    // Awaited: a check may have to load the schema first.
    const result = await form.submit();
    if (!result.ok) return deps.onInvalid?.();
    const editing = !!form.state.value.id;
    deps.preload?.(close, !editing);
    const draft = deps.prepare ? await deps.prepare(result.draft) : result.draft;
    await guarded(async () => {
      // A new lead is checked for duplicates first; an edit of a stored one is not.
      const out = await deps.submit({ lead: draft, onDuplicate: editing ? 'save' : 'ask', confirmFreeMail });
      if (out.status === 'duplicates') {
        duplicates.value = { matches: out.matches, draft, close, confirmFreeMail };
        return;
      }
      await finish(out.lead, close, savedText(out.issues));
    }, () => void save(close, true));
  }

  return {
    saving, message, duplicates, confirm, saved, savedState, saves,
    save,
    showSaved,
    /** "Open existing lead" in the duplicate panel. */
    openDuplicate(lead: LeadRecord) {
      void deps.clearDraft();
      duplicates.value = undefined;
      showSaved(lead);
      message.value = { kind: 'info', text: t('dup_opened') };
    },
    async merge(targetId: string, fields: LeadFieldName[]) {
      const dup = duplicates.value;
      if (!dup) return;
      await guarded(async () => {
        const { lead } = await deps.merge({ targetId, values: dup.draft as unknown as Record<string, unknown>, fields, timeline: dup.draft.timeline });
        await finish(lead, dup.close, t('dup_merged'));
      });
    },
    async saveAnyway() {
      const dup = duplicates.value;
      if (!dup) return;
      await guarded(async () => {
        const out = await deps.submit({ lead: dup.draft, onDuplicate: 'save', confirmFreeMail: dup.confirmFreeMail });
        if (out.status === 'saved') await finish(out.lead, dup.close, savedText(out.issues));
      });
    },
    cancelDuplicates() {
      duplicates.value = undefined;
    },
    /** Qualify, disqualify or reopen changed the saved lead. */
    qualified(lead: LeadRecord) {
      showSaved(lead);
      message.value = { kind: 'ok', text: t('status_saved') };
    },
    /** "Clear form": a new lead; the saved one (if any) stays as saved, offered as a link. */
    startNew() {
      form.startNew();
      duplicates.value = undefined;
      void deps.clearDraft();
    },
    /** Saved elsewhere (the people list): the recent captures read themselves again. */
    countSave() {
      saves.value++;
    },
  };
});

export type CaptureSave = InstanceType<typeof CaptureSaveModel>;

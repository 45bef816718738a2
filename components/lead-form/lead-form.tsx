// The lead form: the popup's quick layout or the options page's full Dynamics 365 layout.
import type { ComponentChildren, ComponentType } from 'preact';
import { t } from '@/lib/i18n/t';
import type { LeadFormModel } from '@/lib/state/lead-form-model';
import { sectionIds, type FormSectionsProps } from './section-ids';
import { QuickFields, quickFieldNames } from './quick-fields';

export interface LeadFormProps {
  model: LeadFormModel;
  /** The Dynamics sections (form-sections.tsx), passed in so the popup can load them lazily. */
  sections: ComponentType<FormSectionsProps>;
  /** 'quick' (popup): the capture fields first, the other sections folded below (issue #13). */
  layout?: 'full' | 'quick';
  /** Above the fields: capture notices, candidate picker, duplicate warnings. */
  header?: ComponentChildren;
  /** Below the quick fields (quick layout): score, qualify actions. */
  aside?: ComponentChildren;
  onSave: (close: boolean) => void;
  saving?: boolean;
  message?: { kind: 'ok' | 'error' | 'info'; text: string };
  /** Extra buttons (e.g. Delete on the options page). */
  actions?: ComponentChildren;
}

export function LeadForm({ model, sections: Sections, layout = 'full', header, aside, onSave, saving, message, actions }: LeadFormProps) {
  const hasErrors = Object.keys(model.errors.value).length > 0;
  const dnc = ['donotemail', 'donotphone', 'donotpostalmail', 'donotbulkemail'].some((f) => model.state.value.values[f as 'donotemail'] === true);
  const quick = layout === 'quick';
  return (
    <form
      class={`lead-form lead-form--${layout}`}
      noValidate
      // Enter in a field must not submit or lose work: saving is only ever a button press,
      // or Ctrl+Enter (Cmd+Enter), which saves and closes.
      onSubmit={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        const target = e.target as HTMLElement;
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          if (!saving) onSave(true);
        } else if (e.key === 'Enter' && target.tagName === 'INPUT') {
          e.preventDefault();
        } else if (e.key === 'Escape') {
          // Esc folds the open section the rep is in, instead of closing the whole popup.
          const open = target.closest<HTMLDetailsElement>('details[open]');
          if (open) {
            e.preventDefault();
            e.stopPropagation();
            open.open = false;
            open.querySelector<HTMLElement>('summary')?.focus();
          }
        }
      }}
    >
      {!quick && (
        <nav class="section-nav" aria-label={t('a11y_nav_sections')}>
          {sectionIds.map((s) => <a key={s} href={`#section-${s}`}>{t(`section_${s}`)}</a>)}
        </nav>
      )}
      {header}
      {dnc && <div class="banner banner--warning" data-testid="dnc-banner">⛔ {[
        'donotemail', 'donotphone', 'donotpostalmail', 'donotbulkemail',
      ].filter((f) => model.state.value.values[f as 'donotemail'] === true).map((f) => t(`field_${f}`)).join(' · ')}</div>}
      {quick && <QuickFields model={model} />}
      {quick && aside}
      <Sections model={model} skip={quick ? quickFieldNames : undefined} folded={quick} />
      <footer class="form-actions">
        {hasErrors && <span class="form-error" role="alert">{t('error_form')}</span>}
        {message && <span class={`form-message form-message--${message.kind}`} role="status" data-testid="form-message">{message.text}</span>}
        {actions}
        <button type="button" class="secondary" data-action="save" disabled={saving} onClick={() => onSave(false)}>{t('action_save')}</button>
        <button type="button" class="primary" data-action="save-close" disabled={saving} onClick={() => onSave(true)} title={t('action_save_close_shortcut')}>{t('action_save_close')}</button>
      </footer>
    </form>
  );
}

/** After a refused save: the first invalid field gets focus, its folded section opened. Waits a
 * frame so the errors just set are on screen. */
export function focusFirstInvalid(root: ParentNode = document): void {
  requestAnimationFrame(() => {
    const field = root.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!field) return;
    for (let d = field.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
    field.focus();
  });
}

// The lead form with the sections of Dynamics 365's lead form. Shared by the popup and options.
import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n/t';
import type { LeadFormModel } from '@/lib/state/lead-form-model';
import { ChoiceField, FlagField, TextField } from './fields';
import { QualifySection } from './qualify-section';
import { StakeholdersEditor } from './stakeholders-editor';
import { TimelineEditor } from './timeline-editor';
import { LawfulBasisField } from '@/components/privacy/lawful-basis-field';

const sections = ['contact', 'company', 'qualify', 'details', 'timeline', 'stakeholders'] as const;

function Section({ id, children }: { id: (typeof sections)[number]; children: ComponentChildren }) {
  return (
    <section id={`section-${id}`} class="form-section" aria-labelledby={`h-${id}`}>
      <h2 id={`h-${id}`}>{t(`section_${id}`)}</h2>
      {children}
    </section>
  );
}

export interface LeadFormProps {
  model: LeadFormModel;
  /** Above the sections: capture notices, candidate picker, duplicate warnings. */
  header?: ComponentChildren;
  onSave: (close: boolean) => void;
  saving?: boolean;
  message?: { kind: 'ok' | 'error' | 'info'; text: string };
  /** Extra buttons (e.g. Delete on the options page). */
  actions?: ComponentChildren;
}

export function LeadForm({ model, header, onSave, saving, message, actions }: LeadFormProps) {
  const hasErrors = Object.keys(model.errors.value).length > 0;
  const dnc = ['donotemail', 'donotphone', 'donotpostalmail', 'donotbulkemail'].some((f) => model.state.value.values[f as 'donotemail'] === true);
  return (
    <form
      class="lead-form"
      noValidate
      // Enter in a field must not submit or lose work: saving is only ever a button press.
      onSubmit={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault();
      }}
    >
      <nav class="section-nav">
        {sections.map((s) => <a key={s} href={`#section-${s}`}>{t(`section_${s}`)}</a>)}
      </nav>
      {header}
      {dnc && <div class="banner banner--warning" data-testid="dnc-banner">⛔ {[
        'donotemail', 'donotphone', 'donotpostalmail', 'donotbulkemail',
      ].filter((f) => model.state.value.values[f as 'donotemail'] === true).map((f) => t(`field_${f}`)).join(' · ')}</div>}
      <Section id="contact">
        <div class="grid">
          <TextField model={model} name="subject" required />
          <TextField model={model} name="salutation" />
          <TextField model={model} name="firstname" />
          <TextField model={model} name="middlename" />
          <TextField model={model} name="lastname" required />
          <TextField model={model} name="jobtitle" />
          <TextField model={model} name="emailaddress1" type="email" />
          <TextField model={model} name="telephone1" type="tel" />
          <TextField model={model} name="mobilephone" type="tel" />
          <TextField model={model} name="telephone2" type="tel" />
          <TextField model={model} name="telephone3" type="tel" />
          <TextField model={model} name="fax" type="tel" />
          <TextField model={model} name="emailaddress2" type="email" />
          <TextField model={model} name="emailaddress3" type="email" />
        </div>
      </Section>
      <Section id="company">
        <div class="grid">
          <TextField model={model} name="companyname" />
          <TextField model={model} name="websiteurl" type="url" />
          <ChoiceField model={model} name="industrycode" />
          <TextField model={model} name="numberofemployees" type="number" />
          <TextField model={model} name="revenue" type="number" />
        </div>
        {model.companyMissing.value && <p class="warning" role="status" data-warning="companyname">{t('warning_no_company')}</p>}
        <h3>{t('section_address')}</h3>
        <div class="grid">
          <TextField model={model} name="address1_line1" />
          <TextField model={model} name="address1_line2" />
          <TextField model={model} name="address1_line3" />
          <TextField model={model} name="address1_city" />
          <TextField model={model} name="address1_stateorprovince" />
          <TextField model={model} name="address1_postalcode" />
          <TextField model={model} name="address1_country" />
        </div>
      </Section>
      <Section id="qualify"><QualifySection model={model} /></Section>
      <Section id="details">
        <div class="grid">
          <ChoiceField model={model} name="leadsourcecode" />
          <ChoiceField model={model} name="leadqualitycode" />
          <ChoiceField model={model} name="preferredcontactmethodcode" />
        </div>
        <h3>{t('section_contact_preferences')}</h3>
        <div class="flags">
          <FlagField model={model} name="donotemail" danger />
          <FlagField model={model} name="donotphone" danger />
          <FlagField model={model} name="donotpostalmail" danger />
          <FlagField model={model} name="donotbulkemail" danger />
        </div>
        <LawfulBasisField model={model} />
        <TextField model={model} name="description" multiline />
      </Section>
      <Section id="timeline"><TimelineEditor model={model} /></Section>
      <Section id="stakeholders"><StakeholdersEditor model={model} /></Section>
      <footer class="form-actions">
        {hasErrors && <span class="form-error" role="alert">{t('error_form')}</span>}
        {message && <span class={`form-message form-message--${message.kind}`} role="status" data-testid="form-message">{message.text}</span>}
        {actions}
        <button type="button" class="secondary" data-action="save" disabled={saving} onClick={() => onSave(false)}>{t('action_save')}</button>
        <button type="button" class="primary" data-action="save-close" disabled={saving} onClick={() => onSave(true)}>{t('action_save_close')}</button>
      </footer>
    </form>
  );
}

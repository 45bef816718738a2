// The sections of Dynamics 365's lead form. The options editor shows them all; the popup shows
// the quick fields first and these folded below, without the fields it already shows (issue #13).
import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n/t';
import type { LeadFieldName } from '@/lib/leads/schema';
import type { FormSectionsProps, SectionId } from './section-ids';
import { ChoiceField, FlagField, TextField } from './fields';
import { QualifySection } from './qualify-section';
import { StakeholdersEditor } from './stakeholders-editor';
import { TimelineEditor } from './timeline-editor';
import { LawfulBasisField } from '@/components/privacy/lawful-basis-field';
import { OwnerPicker } from '@/components/sync/owner-picker';
import { OrgColumnsFields } from './org-columns';
import { DefaultCountrySelect } from '@/components/settings/default-country-select';


function Section({ id, folded, children }: { id: SectionId; folded?: boolean; children: ComponentChildren }) {
  if (folded) {
    return (
      <details id={`section-${id}`} class="form-section fold" data-section={id}>
        <summary><h2 id={`h-${id}`} class="fold-title">{t(`section_${id}`)}</h2></summary>
        {children}
      </details>
    );
  }
  return (
    <section id={`section-${id}`} class="form-section" aria-labelledby={`h-${id}`}>
      <h2 id={`h-${id}`}>{t(`section_${id}`)}</h2>
      {children}
    </section>
  );
}

export function FormSections({ model, skip = [], folded }: FormSectionsProps) {
  const show = (name: LeadFieldName) => !skip.includes(name);
  const text = (name: LeadFieldName, props: { required?: boolean; type?: 'email' | 'tel' | 'url' | 'number' } = {}) =>
    show(name) && <TextField model={model} name={name} {...props} />;
  return (
    <>
      <Section id="contact" folded={folded}>
        <div class="grid">
          {text('subject', { required: true })}
          {text('salutation')}
          {text('firstname')}
          {text('middlename')}
          {text('lastname', { required: true })}
          {text('jobtitle')}
          {text('emailaddress1', { type: 'email' })}
          {text('telephone1', { type: 'tel' })}
          {text('mobilephone', { type: 'tel' })}
          {text('telephone2', { type: 'tel' })}
          {text('telephone3', { type: 'tel' })}
          {text('fax', { type: 'tel' })}
          {text('emailaddress2', { type: 'email' })}
          {text('emailaddress3', { type: 'email' })}
        </div>
        {!folded && <OrgColumnsFields model={model} />}
      </Section>
      <Section id="company" folded={folded}>
        <div class="grid">
          {text('companyname')}
          {text('websiteurl', { type: 'url' })}
          <ChoiceField model={model} name="industrycode" />
          {text('numberofemployees', { type: 'number' })}
          {text('revenue', { type: 'number' })}
        </div>
        {show('companyname') && model.companyMissing.value && <p class="warning" role="status" data-warning="companyname">{t('warning_no_company')}</p>}
        <h3>{t('section_address')}</h3>
        <div class="grid">
          {text('address1_line1')}
          {text('address1_line2')}
          {text('address1_line3')}
          {text('address1_city')}
          {text('address1_stateorprovince')}
          {text('address1_postalcode')}
          {text('address1_country')}
        </div>
        {/* The popup shows it beside the phones (quick-fields.tsx); the full form beside the address. */}
        {!folded && <div class="form-country" data-testid="form-country"><DefaultCountrySelect compact /></div>}
      </Section>
      <Section id="qualify" folded={folded}><QualifySection model={model} /></Section>
      <Section id="details" folded={folded}>
        <div class="grid">
          {show('leadsourcecode') && <ChoiceField model={model} name="leadsourcecode" />}
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
        <OwnerPicker value={model.state.value.owner} onChange={(owner) => model.update({ owner })} />
        <LawfulBasisField model={model} />
        <TextField model={model} name="description" multiline />
      </Section>
      <Section id="timeline" folded={folded}><TimelineEditor model={model} /></Section>
      <Section id="stakeholders" folded={folded}><StakeholdersEditor model={model} /></Section>
    </>
  );
}

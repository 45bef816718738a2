// The fields that matter at the moment of capture, first in the popup and in view without
// scrolling (issue #13). The rest of the form folds below them (form-sections.tsx).
import { t } from '@/lib/i18n/t';
import type { LeadFieldName } from '@/lib/leads/schema';
import type { LeadFormModel } from '@/lib/state/lead-form-model';
import { ChoiceField, TextField } from './fields';
import { OrgColumnsFields } from './org-columns';
import { DefaultCountrySelect } from '@/components/settings/default-country-select';

export const quickFieldNames = [
  'subject', 'leadsourcecode', 'firstname', 'lastname', 'jobtitle', 'companyname',
  'emailaddress1', 'websiteurl', 'telephone1', 'mobilephone',
] as const satisfies readonly LeadFieldName[];

export function QuickFields({ model }: { model: LeadFormModel }) {
  return (
    <section class="quick-fields" data-testid="quick-fields" aria-label={t('quick_fields_label')}>
      <div class="grid">
        <TextField model={model} name="subject" required />
        <ChoiceField model={model} name="leadsourcecode" />
        <TextField model={model} name="firstname" />
        <TextField model={model} name="lastname" required />
        <TextField model={model} name="jobtitle" />
        <TextField model={model} name="companyname" />
        <TextField model={model} name="emailaddress1" type="email" />
        <TextField model={model} name="websiteurl" type="url" />
        <TextField model={model} name="telephone1" type="tel" />
        <TextField model={model} name="mobilephone" type="tel" />
      </div>
      {/* Beside the phones: the country numbers without a +code are read in (issue #16). */}
      <div class="form-country" data-testid="form-country"><DefaultCountrySelect compact /></div>
      {model.companyMissing.value && <p class="warning" role="status" data-warning="companyname">{t('warning_no_company')}</p>}
      <OrgColumnsFields model={model} />
    </section>
  );
}

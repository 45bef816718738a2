// Options › Settings: the default country (issue #4's pipeline setting; issue #16 moved it out
// from under Scoring and made it follow the browser's language on install).
import { t } from '@/lib/i18n/t';
import { DefaultCountrySelect } from '@/components/settings/default-country-select';

export function DefaultCountrySetting() {
  return (
    <fieldset class="country-setting" data-testid="country-setting">
      <legend>{t('country_title')}</legend>
      <DefaultCountrySelect />
    </fieldset>
  );
}

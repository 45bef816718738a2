// Options › Settings (issue #16): what a rep sets once, out from under Scoring.
import { t } from '@/lib/i18n/t';
import { DefaultCountrySetting } from '@/components/pipeline/default-country-setting';
import { ToolbarButtonSetting } from './toolbar-button-setting';

export function SettingsPage() {
  return (
    <section class="settings-page">
      <DefaultCountrySetting />
      <ToolbarButtonSetting />
      <p><a href="/welcome.html" data-action="welcome-again">{t('settings_welcome_again')}</a></p>
    </section>
  );
}

// Options page: the country phone numbers without a +prefix belong to (issue #4's pipeline setting;
// Poland to start). Country names come from the browser, in the rep's language.
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { t, uiLang } from '@/lib/i18n/t';
import { send } from '@/lib/messaging/send';

export function DefaultCountrySetting() {
  const country = useSignal<string | undefined>(undefined);
  const countries = useSignal<string[]>([]);
  const message = useSignal<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const names = new Intl.DisplayNames([uiLang()], { type: 'region' });
  const nameOf = (code: string) => names.of(code) ?? code;
  useEffect(() => {
    void send('settings/country-get', {}).then((r) => {
      country.value = r.country;
      countries.value = [...r.countries].sort((a, b) => nameOf(a).localeCompare(nameOf(b), uiLang()));
    });
  }, []);
  if (!country.value) return <div aria-busy="true" />;

  async function choose(code: string) {
    try {
      country.value = (await send('settings/country-set', { country: code })).country;
      message.value = { kind: 'ok', text: t('country_saved', nameOf(country.value)) };
    } catch (err) {
      message.value = { kind: 'error', text: t('country_failed', err instanceof Error ? err.message : String(err)) };
    }
  }

  return (
    <fieldset class="country-setting" data-testid="country-setting">
      <legend>{t('country_title')}</legend>
      <label class="field">
        {t('country_label')}
        <select name="defaultCountry" value={country.value} onChange={(e) => void choose(e.currentTarget.value)}>
          {countries.value.map((c) => <option key={c} value={c}>{nameOf(c)}</option>)}
        </select>
      </label>
      {message.value && <p role="status" class={`form-message--${message.value.kind}`}>{message.value.text}</p>}
    </fieldset>
  );
}

// The default country (issue #16): phone numbers without a +code and addresses without a country
// are read as this country's. Small enough to sit in the lead form's address and phone area
// (`compact`), on the welcome page and in Settings. Names come from the browser, in the rep's language.
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { t, uiLang } from '@/lib/i18n/t';
import { send } from '@/lib/messaging/send';

export interface DefaultCountrySelectProps {
  /** One line ("Default country: [Poland]"), without the explanation. */
  compact?: boolean;
  onChange?: (country: string) => void;
}

export function DefaultCountrySelect({ compact = false, onChange }: DefaultCountrySelectProps) {
  const country = useSignal<string | undefined>(undefined);
  const countries = useSignal<string[]>([]);
  const message = useSignal<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const names = new Intl.DisplayNames([uiLang()], { type: 'region' });
  const nameOf = (code: string) => names.of(code) ?? code;
  useEffect(() => {
    void send('settings/country-get', {}).then((r) => {
      country.value = r.country;
      // Each name looked up once and one collator for the whole sort: the popup sorts ~240
      // countries while it fills the form (issue #13).
      const named = r.countries.map((code) => ({ code, name: nameOf(code) }));
      const { compare } = new Intl.Collator(uiLang());
      countries.value = named.sort((a, b) => compare(a.name, b.name)).map((c) => c.code);
    });
  }, []);
  if (!country.value) return <div aria-busy="true" />;

  async function choose(code: string) {
    try {
      country.value = (await send('settings/country-set', { country: code })).country;
      message.value = { kind: 'ok', text: t('country_saved', nameOf(country.value)) };
      onChange?.(country.value);
    } catch (err) {
      message.value = { kind: 'error', text: t('country_failed', err instanceof Error ? err.message : String(err)) };
    }
  }

  return (
    <div class={compact ? 'country-select country-select--compact' : 'country-select'}>
      <label class="field">
        {compact ? t('country_short_label') : t('country_label')}
        <select name="defaultCountry" value={country.value} onChange={(e) => void choose(e.currentTarget.value)}>
          {countries.value.map((c) => <option key={c} value={c}>{nameOf(c)}</option>)}
        </select>
      </label>
      {message.value && <p role="status" class={`form-message--${message.value.kind}`}>{message.value.text}</p>}
    </div>
  );
}

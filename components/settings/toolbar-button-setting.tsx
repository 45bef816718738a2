// Options › Settings (issue #13): whether the toolbar button opens the popup or the side panel.
// The background follows the stored choice (lib/capture/toolbar-behaviour.ts).
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { t } from '@/lib/i18n/t';
import { readToolbarOpens, saveToolbarOpens, type ToolbarOpens } from '@/lib/capture/toolbar-setting';

export function ToolbarButtonSetting() {
  const opens = useSignal<ToolbarOpens | undefined>(undefined);
  const saved = useSignal(false);
  useEffect(() => void readToolbarOpens().then((v) => (opens.value = v)), []);
  if (!opens.value) return <div aria-busy="true" />;
  const choose = (value: ToolbarOpens) => {
    opens.value = value;
    saved.value = false;
    void saveToolbarOpens(value).then(() => (saved.value = true));
  };
  return (
    <fieldset class="toolbar-setting" data-testid="toolbar-setting">
      <legend>{t('toolbar_opens_title')}</legend>
      {(['popup', 'panel'] as const).map((value) => (
        <label key={value} class="flag">
          <input type="radio" name="toolbarOpens" value={value} checked={opens.value === value} onChange={() => choose(value)} />
          {t(`toolbar_opens_${value}`)}
        </label>
      ))}
      {saved.value && <span role="status" class="form-message--ok">{t('toolbar_opens_saved')}</span>}
    </fieldset>
  );
}

// Options page: how capture behaves (issue #13): the Topic pattern a capture proposes.
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { t } from '@/lib/i18n/t';
import { DEFAULT_TOPIC_PATTERN, defaultTopic, readTopicPattern, saveTopicPattern } from '@/lib/capture/default-topic';

export function CaptureSettings() {
  const pattern = useSignal<string | undefined>(undefined);
  const saved = useSignal(false);
  useEffect(() => void readTopicPattern().then((p) => (pattern.value = p)), []);
  if (pattern.value === undefined) return <div aria-busy="true" />;
  const example = defaultTopic(pattern.value || DEFAULT_TOPIC_PATTERN, {
    company: 'Baltic Cargo', name: 'Anna Kowalska', jobtitle: 'Head of Logistics', pageTitle: 'Speakers | Nordic Freight Summit',
  });
  return (
    <fieldset class="capture-settings" data-testid="capture-settings">
      <legend>{t('capture_settings_title')}</legend>
      <label class="field">
        {t('topic_pattern_label')}
        <input name="topicPattern" value={pattern.value} maxLength={200} onInput={(e) => {
          pattern.value = e.currentTarget.value;
          saved.value = false;
        }} />
      </label>
      <p class="muted">{t('topic_pattern_help')}</p>
      <p class="muted" data-testid="topic-example">{t('topic_pattern_example', example)}</p>
      <button type="button" data-action="save-topic-pattern" onClick={() => void saveTopicPattern(pattern.value ?? '').then(() => (saved.value = true))}>{t('action_save')}</button>
      {saved.value && <span role="status" class="form-message--ok"> {t('capture_settings_saved')}</span>}
    </fieldset>
  );
}

// Above the lead form: what the capture found (or why it could not run) and the other people
// on the page to pick from.
import { t } from '@/lib/i18n/t';

export interface CaptureBarProps {
  notice?: { kind: 'info' | 'warning'; text: string };
  options: { label: string }[];
  selected: number;
  onPick: (index: number) => void;
}

export function CaptureBar({ notice, options, selected, onPick }: CaptureBarProps) {
  return (
    <div class="capture-bar" data-testid="capture-bar">
      {notice && <p class={`banner banner--${notice.kind}`} role="status" data-testid="capture-notice">{notice.text}</p>}
      {options.length > 1 && (
        <label class="candidate-picker">
          {t('capture_pick_label', String(options.length))}
          <select data-testid="candidate-picker" value={String(selected)} onChange={(e) => onPick(Number((e.currentTarget as HTMLSelectElement).value))}>
            {options.map((o, i) => <option key={i} value={String(i)}>{o.label}</option>)}
          </select>
        </label>
      )}
    </div>
  );
}

import { t } from '@/lib/i18n/t';
import { leadFieldNames } from '@/lib/leads/schema';
import type { ColumnMapping } from '@/lib/import/auto-map';
import type { ColumnTarget } from '@/lib/import/header-aliases';
import { typeColumnFor } from '@/lib/import/header-aliases';

const SPECIAL: ColumnTarget[] = ['fullname', 'email', 'phone'];

export function targetLabel(target: ColumnTarget): string {
  if (target === 'ignore') return t('import_target_ignore');
  if (SPECIAL.includes(target)) return t(`import_target_${target}`);
  return t(`field_${target}`);
}

export interface MappingEditorProps {
  headers: string[];
  sample: string[][];
  mapping: ColumnMapping;
  onChange: (m: ColumnMapping) => void;
}

/** One line per file column: its header, an example value and the lead field it goes to. */
export function MappingEditor({ headers, sample, mapping, onChange }: MappingEditorProps) {
  function set(col: number, target: ColumnTarget) {
    const targets = [...mapping.targets];
    // A plain field takes one column: the column that had it before is ignored now.
    if (target !== 'ignore' && !SPECIAL.includes(target)) targets.forEach((x, i) => x === target && (targets[i] = 'ignore'));
    targets[col] = target;
    onChange({ targets, typeColumns: targets.map((x, i) => (x === 'email' || x === 'phone' ? typeColumnFor(headers[i], headers) : -1)) });
  }
  return (
    <table class="import-mapping" data-testid="mapping">
      <thead>
        <tr><th>{t('import_col_file')}</th><th>{t('import_col_sample')}</th><th>{t('import_col_target')}</th></tr>
      </thead>
      <tbody>
        {headers.map((h, col) => (
          <tr key={col} data-column={h}>
            <td>{h}</td>
            <td class="muted">{sample.map((r) => r[col]).find((v) => v?.trim())?.slice(0, 60) ?? ''}</td>
            <td>
              <select name={`map-${col}`} aria-label={h} value={mapping.targets[col]} onChange={(e) => set(col, e.currentTarget.value as ColumnTarget)}>
                <option value="ignore">{targetLabel('ignore')}</option>
                {leadFieldNames.map((f) => <option key={f} value={f}>{targetLabel(f)}</option>)}
                {SPECIAL.map((f) => <option key={f} value={f}>{targetLabel(f)}</option>)}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// Options page: the scoring rules and weights (issue #4). Stored as a setting; the popup's
// score and the pipeline's suggested rating follow them.
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { t, uiLang } from '@/lib/i18n/t';
import { budgetStatus, need, optionLabel, purchaseTimeframe, type OptionSet } from '@/lib/leads/option-sets';
import { leadTextLimits } from '@/lib/leads/schema';
import type { ScoringRules } from '@/lib/leads/score';
import { send } from '@/lib/messaging/send';

type OptionCriterion = 'budgetstatus' | 'need' | 'purchasetimeframe';
const optionSets: Record<OptionCriterion, OptionSet> = { budgetstatus: budgetStatus, need, purchasetimeframe: purchaseTimeframe };
const completenessChoices = Object.keys(leadTextLimits);

function NumberInput({ name, value, onChange, max = 1000 }: { name: string; value: number; onChange: (n: number) => void; max?: number }) {
  return <input type="number" name={name} min={0} max={max} step="any" value={value} onInput={(e) => onChange(Number(e.currentTarget.value))} />;
}

export function ScoringEditor() {
  const rules = useSignal<ScoringRules | undefined>(undefined);
  const defaults = useSignal<ScoringRules | undefined>(undefined);
  const message = useSignal<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const lang = uiLang();
  useEffect(() => {
    void send('settings/scoring-get', {}).then((r) => {
      rules.value = r.rules;
      defaults.value = r.defaults;
    });
  }, []);
  if (!rules.value) return <div aria-busy="true" />;
  const r = rules.value;
  const set = (patch: Partial<ScoringRules>) => (rules.value = { ...r, ...patch });

  async function save() {
    try {
      rules.value = (await send('settings/scoring-save', { rules: rules.value })).rules;
      message.value = { kind: 'ok', text: t('scoring_saved') };
    } catch (err) {
      message.value = { kind: 'error', text: t('scoring_invalid', [err instanceof Error ? err.message : String(err)]) };
    }
  }

  return (
    <div class="scoring-editor" data-testid="scoring-editor">
      <h2>{t('scoring_title')}</h2>
      <p class="muted">{t('scoring_intro')}</p>
      {(Object.keys(optionSets) as OptionCriterion[]).map((c) => (
        <fieldset key={c} data-criterion={c}>
          <legend>{t(`score_${c}`)}</legend>
          {Object.keys(optionSets[c]).map((v) => (
            <label key={v} class="weight">{optionLabel(optionSets[c], Number(v), lang)}{' '}
              <NumberInput name={`${c}-${v}`} value={r[c][v]} onChange={(n) => set({ [c]: { ...r[c], [v]: n } } as Partial<ScoringRules>)} />
            </label>
          ))}
        </fieldset>
      ))}
      <fieldset data-criterion="budgetamount">
        <legend>{t('score_budgetamount')}</legend>
        {r.budgetamount.map((tier, i) => (
          <div key={i} class="weight">
            <label>{t('scoring_tier_min')} <NumberInput name={`budgetamount-min-${i}`} max={1e12} value={tier.min} onChange={(n) => set({ budgetamount: r.budgetamount.map((x, j) => (j === i ? { ...x, min: n } : x)) })} /></label>
            {' '}<label>{t('scoring_points')} <NumberInput name={`budgetamount-points-${i}`} value={tier.points} onChange={(n) => set({ budgetamount: r.budgetamount.map((x, j) => (j === i ? { ...x, points: n } : x)) })} /></label>
            {' '}<button type="button" class="link" onClick={() => set({ budgetamount: r.budgetamount.filter((_, j) => j !== i) })}>{t('scoring_remove')}</button>
          </div>
        ))}
        <button type="button" class="link" onClick={() => set({ budgetamount: [...r.budgetamount, { min: 0, points: 0 }] })}>{t('scoring_add_tier')}</button>
      </fieldset>
      <fieldset data-criterion="decisionmaker">
        <legend>{t('score_decisionmaker')}</legend>
        <label class="weight">{t('scoring_points')} <NumberInput name="decisionmaker" value={r.decisionmaker} onChange={(n) => set({ decisionmaker: n })} /></label>
      </fieldset>
      <fieldset data-criterion="completeness">
        <legend>{t('score_completeness')}</legend>
        <label class="weight">{t('scoring_points')} <NumberInput name="completeness-points" value={r.completeness.points} onChange={(n) => set({ completeness: { ...r.completeness, points: n } })} /></label>
        <div class="completeness-fields">
          {completenessChoices.map((f) => (
            <label key={f}><input type="checkbox" name={`completeness-${f}`} checked={r.completeness.fields.includes(f)}
              onChange={(e) => set({ completeness: { ...r.completeness, fields: e.currentTarget.checked ? [...r.completeness.fields, f] : r.completeness.fields.filter((x) => x !== f) } })} /> {t(`field_${f}`)}</label>
          ))}
        </div>
      </fieldset>
      <fieldset data-criterion="bands">
        <legend>{t('scoring_bands')}</legend>
        <label class="weight">{t('scoring_hot')} <NumberInput name="band-hot" max={100} value={r.bands.hot} onChange={(n) => set({ bands: { ...r.bands, hot: n } })} /></label>
        <label class="weight">{t('scoring_warm')} <NumberInput name="band-warm" max={100} value={r.bands.warm} onChange={(n) => set({ bands: { ...r.bands, warm: n } })} /></label>
      </fieldset>
      <div class="row-actions">
        {message.value && <span class={`form-message form-message--${message.value.kind}`} role="status" data-testid="scoring-message">{message.value.text}</span>}
        <button type="button" class="secondary" data-action="scoring-reset" onClick={() => defaults.value && (rules.value = defaults.value)}>{t('scoring_reset')}</button>
        <button type="button" class="primary" data-action="scoring-save" onClick={save}>{t('action_save')}</button>
      </div>
    </div>
  );
}

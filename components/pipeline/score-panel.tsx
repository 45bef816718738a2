// The score next to the form (issue #4): the total, the suggested rating, every criterion's
// points, and the rep's own rating when it overrides the suggestion.
import { t, uiLang } from '@/lib/i18n/t';
import { formatNumber } from '@/lib/i18n/format';
import { leadQualityCode, optionLabel } from '@/lib/leads/option-sets';
import type { LeadScore } from '@/lib/leads/score';

export function ScorePanel({ score, chosen, onUse }: { score: LeadScore; chosen?: number; onUse: (rating: 1 | 2 | 3) => void }) {
  const lang = uiLang();
  const suggested = score.rating;
  const overridden = chosen !== undefined && suggested !== undefined && chosen !== suggested;
  return (
    <section class="score-panel" data-testid="score" data-rating={suggested ?? 'none'} aria-label={t('score_title')}>
      <div class="score-head">
        <strong data-testid="score-total">{t('score_total', [String(score.score)])}</strong>
        {suggested === undefined
          ? <span class="rating muted" data-testid="score-suggestion">{t('score_no_grounds')}</span>
          : <span class={`rating rating--${suggested}`} data-testid="score-suggestion">{t('score_suggested', [optionLabel(leadQualityCode, suggested, lang)])}</span>}
        {overridden && (
          <span class="score-override" data-testid="score-override">
            {t('score_overridden', [optionLabel(leadQualityCode, chosen, lang)])}{' '}
            <button type="button" class="link" data-action="score-use" onClick={() => onUse(suggested)}>{t('score_use')}</button>
          </span>
        )}
      </div>
      <ul class="score-breakdown">
        {score.breakdown.map((line) => (
          <li key={line.criterion} data-criterion={line.criterion}>
            <span>{t(`score_${line.criterion}`)}</span>
            <span class="score-points">{t('score_points', [fmt(line.points), fmt(line.max)])}</span>
            {line.missing?.length ? <small class="muted"> {t('score_missing', [line.missing.map((f) => t(`field_${f}`)).join(', ')])}</small> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

const fmt = (n: number) => formatNumber(n);

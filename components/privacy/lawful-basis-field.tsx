// Per-lead lawful basis and "captured by/when/where" in the lead form (issue #8).
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { t } from '@/lib/i18n/t';
import { formatDateTime } from '@/lib/i18n/format';
import './privacy.css';
import { lawfulBasis, type LawfulBasis } from '@/lib/leads/schema';
import { send } from '@/lib/messaging/send';
import type { LeadFormModel } from '@/lib/state/lead-form-model';

export function LawfulBasisField({ model }: { model: LeadFormModel }) {
  const fallback = useSignal<LawfulBasis | undefined>(undefined);
  useEffect(() => {
    void send('privacy/settings/get', {}).then((r) => (fallback.value = r.settings.lawfulBasis), () => undefined);
  }, []);
  const prov = model.state.value.provenance;
  const value = prov?.lawfulBasis ?? fallback.value ?? 'legitimate_interest';

  function choose(basis: LawfulBasis) {
    const p = model.state.value.provenance ?? { origin: 'manual' as const, capturedAt: new Date().toISOString(), fields: {} };
    model.update({ provenance: { ...p, lawfulBasis: basis } });
  }

  const where = prov?.sourceUrl ?? '';
  const when = prov?.capturedAt ? formatDateTime(prov.capturedAt) : '';
  return (
    <div class="privacy-fields">
      <div class="field">
        <label for="f-lawfulbasis">{t('privacy_lawful_basis_field')}</label>
        <select id="f-lawfulbasis" name="lawfulbasis" value={value} onChange={(e) => choose(e.currentTarget.value as LawfulBasis)}>
          {lawfulBasis.options.map((b) => <option key={b} value={b}>{t(`privacy_basis_${b}`)}</option>)}
        </select>
      </div>
      {prov?.capturedAt && (
        <p class="muted captured-info" data-testid="captured-info">
          {t('privacy_captured_info', [when, prov.capturedBy ?? '', where].filter(Boolean).join(' · '))}
        </p>
      )}
    </div>
  );
}

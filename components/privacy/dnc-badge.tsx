// The do-not-contact badge every list of leads shows (issue #8): which Dataverse do-not-* flags
// are set, so nobody mails or calls a person who said no.
import { t } from '@/lib/i18n/t';
import './privacy.css';
import type { LeadFields } from '@/lib/leads/schema';

export const dncFlags = ['donotemail', 'donotphone', 'donotpostalmail', 'donotbulkemail'] as const;
export type DncFields = Partial<Pick<LeadFields, (typeof dncFlags)[number]>>;

export function dncSet(lead: DncFields): (typeof dncFlags)[number][] {
  return dncFlags.filter((f) => lead[f] === true);
}

export function DncBadge({ lead }: { lead: DncFields }) {
  const set = dncSet(lead);
  if (!set.length) return null;
  const which = set.map((f) => t(`field_${f}`)).join(' · ');
  return (
    <span class="dnc-badge" data-testid="dnc-badge" title={which} aria-label={`${t('dnc_badge')}: ${which}`}>
      ⛔ {t('dnc_badge')}
    </span>
  );
}

// How a failed save reads to the rep: privacy refusals are final answers, not "try again".
import { t } from '@/lib/i18n/t';
import { MessageError } from '@/lib/messaging/send';

export type SaveProblem = { kind: 'refused' | 'confirm_free_mail' | 'failed'; text: string; display: string };

export function saveProblem(err: unknown): SaveProblem {
  const text = err instanceof Error ? err.message : String(err);
  if (err instanceof MessageError && err.code === 'privacy_refused') return { kind: 'refused', text, display: t('privacy_not_saved', text) };
  if (err instanceof MessageError && err.code === 'privacy_confirm_free_mail') return { kind: 'confirm_free_mail', text, display: text };
  return { kind: 'failed', text, display: t('error_save_failed', text) };
}

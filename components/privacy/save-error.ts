// How a failed save reads to the rep: privacy refusals are final answers, not "try again".
import { MessageError } from '@/lib/messaging/send';

export type SaveProblem = { kind: 'refused' | 'confirm_free_mail' | 'failed'; text: string };

export function saveProblem(err: unknown): SaveProblem {
  const text = err instanceof Error ? err.message : String(err);
  if (err instanceof MessageError && err.code === 'privacy_refused') return { kind: 'refused', text };
  if (err instanceof MessageError && err.code === 'privacy_confirm_free_mail') return { kind: 'confirm_free_mail', text };
  return { kind: 'failed', text };
}

// The outbox state machine (issue #4). Every change of a job's state goes through
// `transition`, which refuses moves the queue never makes, so a bug cannot mark an unsent lead
// synced or resend one that already reached the CRM.
import type { SyncState } from '../leads/schema';

/** Legal moves, from -> to. Anything else is a bug and throws. */
export const legalTransitions: Readonly<Record<SyncState, readonly SyncState[]>> = {
  // A draft stays local until the rep (or the pipeline) hands it over.
  draft: ['draft', 'ready'],
  // Waiting: edits keep it ready, the runner claims it, the rep may pull it back to draft.
  ready: ['ready', 'syncing', 'draft'],
  // In flight: the processor's answer decides; `ready` when the worker died mid-flight or the
  // lead changed while it was being sent (the newer revision must go out too).
  syncing: ['synced', 'failed', 'needs_attention', 'ready'],
  // Changing a synced lead queues an update.
  synced: ['ready'],
  // Retried when due (syncing), or at once after an edit or a manual retry (ready); given up on
  // when the retry budget is spent.
  failed: ['syncing', 'ready', 'needs_attention'],
  // Only the rep gets it moving again: fixed and retried (ready) or parked as a draft.
  needs_attention: ['ready', 'draft'],
};

export class IllegalTransitionError extends Error {
  readonly code = 'illegal_transition';
  constructor(readonly from: SyncState, readonly to: SyncState) {
    super(`A queued lead cannot move from "${from}" to "${to}".`);
  }
}

export function canTransition(from: SyncState, to: SyncState): boolean {
  return legalTransitions[from].includes(to);
}

/** What a job knows about its state; the rest of the job rides along unchanged. */
export interface JobState {
  state: SyncState;
  /** Why the last attempt failed (failed, needs_attention). */
  error?: string;
  /** When a failed job may be tried again (ISO). */
  nextRetryAt?: string;
  /** When the current attempt started (syncing) or the last one did. */
  lastAttemptAt?: string;
  syncedAt?: string;
}

/** The target state and what it requires: a failure needs its reason and next retry time. */
export type NextState =
  | { state: 'draft' }
  | { state: 'ready' }
  | { state: 'syncing'; at: string }
  | { state: 'synced'; at: string }
  | { state: 'failed'; reason: string; nextRetryAt: string }
  | { state: 'needs_attention'; reason: string };

/** Returns the job in its next state, or throws IllegalTransitionError. Pure. */
export function transition<J extends JobState>(job: J, next: NextState): J {
  if (!canTransition(job.state, next.state)) throw new IllegalTransitionError(job.state, next.state);
  switch (next.state) {
    case 'draft':
    case 'ready':
      return { ...job, state: next.state, error: undefined, nextRetryAt: undefined };
    case 'syncing':
      return { ...job, state: 'syncing', lastAttemptAt: next.at, nextRetryAt: undefined };
    case 'synced':
      return { ...job, state: 'synced', syncedAt: next.at, error: undefined, nextRetryAt: undefined };
    case 'failed':
      if (!next.reason) throw new TypeError('A failed job needs a reason.');
      if (Number.isNaN(Date.parse(next.nextRetryAt))) throw new TypeError('A failed job needs its next retry time.');
      return { ...job, state: 'failed', error: next.reason, nextRetryAt: next.nextRetryAt };
    case 'needs_attention':
      if (!next.reason) throw new TypeError('A job that needs attention needs a reason.');
      return { ...job, state: 'needs_attention', error: next.reason, nextRetryAt: undefined };
  }
}

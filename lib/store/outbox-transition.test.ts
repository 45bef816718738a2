import { describe, expect, it } from 'vitest';
import { syncState, type SyncState } from '../leads/schema';
import { IllegalTransitionError, canTransition, legalTransitions, transition, type JobState, type NextState } from './outbox-transition';

const at = '2026-11-27T10:00:00.000Z';
const later = '2026-11-27T10:05:00.000Z';
const nextFor = (to: SyncState): NextState => {
  switch (to) {
    case 'syncing': return { state: 'syncing', at };
    case 'synced': return { state: 'synced', at };
    case 'failed': return { state: 'failed', reason: 'HTTP 503', nextRetryAt: later };
    case 'needs_attention': return { state: 'needs_attention', reason: 'HTTP 400: lastname required' };
    default: return { state: to };
  }
};

const states = syncState.options;
const expectedLegal = new Set([
  'draft>draft', 'draft>ready',
  'ready>ready', 'ready>syncing', 'ready>draft',
  'syncing>synced', 'syncing>failed', 'syncing>needs_attention', 'syncing>ready',
  'synced>ready',
  'failed>syncing', 'failed>ready', 'failed>needs_attention',
  'needs_attention>ready', 'needs_attention>draft',
]);

describe('queue transitions', () => {
  // Every one of the 36 pairs, legal or not, is checked against the list written out above.
  for (const from of states) {
    for (const to of states) {
      const legal = expectedLegal.has(`${from}>${to}`);
      it(`${from} -> ${to} is ${legal ? 'allowed' : 'rejected'}`, () => {
        expect(canTransition(from, to)).toBe(legal);
        const job: JobState = { state: from };
        if (legal) expect(transition(job, nextFor(to)).state).toBe(to);
        else expect(() => transition(job, nextFor(to))).toThrow(IllegalTransitionError);
      });
    }
  }

  it('the table and the expectations list the same number of moves', () => {
    expect(Object.values(legalTransitions).flat()).toHaveLength(expectedLegal.size);
  });

  it('a failure keeps its reason and next retry time; success clears them', () => {
    const failed = transition({ state: 'syncing' } as JobState, { state: 'failed', reason: 'timeout', nextRetryAt: later });
    expect(failed).toMatchObject({ state: 'failed', error: 'timeout', nextRetryAt: later });
    const retrying = transition(failed, { state: 'syncing', at });
    expect(retrying.nextRetryAt).toBeUndefined();
    expect(retrying.lastAttemptAt).toBe(at);
    const synced = transition(retrying, { state: 'synced', at: later });
    expect(synced).toMatchObject({ state: 'synced', syncedAt: later, error: undefined });
  });

  it('refuses a failure without reason or with an unreadable retry time', () => {
    expect(() => transition({ state: 'syncing' }, { state: 'failed', reason: '', nextRetryAt: later })).toThrow(/reason/);
    expect(() => transition({ state: 'syncing' }, { state: 'failed', reason: 'x', nextRetryAt: 'soon' })).toThrow(/retry/);
    expect(() => transition({ state: 'syncing' }, { state: 'needs_attention', reason: '' })).toThrow(/reason/);
  });

  it('carries the rest of the job unchanged and does not mutate the input', () => {
    const job = { state: 'ready' as const, leadId: 'x', revision: 3 };
    const next = transition(job, { state: 'syncing', at });
    expect(next).toMatchObject({ leadId: 'x', revision: 3, state: 'syncing' });
    expect(job.state).toBe('ready');
  });

  it('names both states in the error', () => {
    expect(() => transition({ state: 'synced' }, { state: 'syncing', at })).toThrow('from "synced" to "syncing"');
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BadgeInputs } from './badge';

vi.mock('@/lib/i18n/t', () => ({ t: (k: string) => k }));
const { refreshBadge } = await import('./badge');

const inputs = (p: Partial<BadgeInputs>) => () => Promise.resolve({ waiting: 0, needsAttention: 0, signInExpired: false, ...p });
const red = [0xc5, 0x0f, 0x1f, 255];

describe('the toolbar badge and the attention notification', () => {
  beforeEach(() => fakeBrowser.reset());

  it('counts waiting leads in blue while nothing needs the rep', async () => {
    await refreshBadge(inputs({ waiting: 3 }));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0x0f, 0x6c, 0xbd, 255]);
    await refreshBadge(inputs({}));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('turns red with a reason in its title when leads need attention or the sign-in expired', async () => {
    await refreshBadge(inputs({ waiting: 2, needsAttention: 2 }));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual(red);
    expect(await fakeBrowser.action.getTitle({})).toContain('badgeNeedsAttention');
    await refreshBadge(inputs({ signInExpired: true }));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual(red);
    expect(await fakeBrowser.action.getTitle({})).toContain('badgeSignInExpired');
    await refreshBadge(inputs({ waiting: 1 }));
    expect(await fakeBrowser.action.getTitle({})).toBe('actionTitle');
  });

  it('notifies once per spell of "needs attention", not per lead, across worker restarts', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await Promise.all([refreshBadge(inputs({ needsAttention: 1 })), refreshBadge(inputs({ needsAttention: 1 }))]);
    await refreshBadge(inputs({ needsAttention: 4 }));
    expect(create).toHaveBeenCalledTimes(1);
    // A restarted worker keeps nothing in memory: the flag lives in storage.local.
    vi.resetModules();
    const fresh = await import('./badge');
    await fresh.refreshBadge(inputs({ needsAttention: 5 }));
    expect(create).toHaveBeenCalledTimes(1);
    // All sorted out, then a new failure: a new notification.
    await fresh.refreshBadge(inputs({ needsAttention: 0 }));
    await fresh.refreshBadge(inputs({ needsAttention: 1 }));
    expect(create).toHaveBeenCalledTimes(2);
    expect(create.mock.calls[1][0]).toBe('leadclip-attention');
  });

  it('reads the real store: an empty outbox shows nothing', async () => {
    await refreshBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

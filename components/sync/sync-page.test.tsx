// @vitest-environment happy-dom
// Issue #17: "Sync now" stays available while an automatic sync runs; pressing it joins that run
// (the background's queue runner shares a run in progress: lib/queue/runner.ts).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';

const sent: string[] = [];
const status = { running: true, done: 3, total: 10, unsynced: 7, leadCount: 10, environmentUrl: 'https://contoso.crm4.dynamics.com', leads: [], conflicts: [] };
vi.mock('@/lib/i18n/t', () => ({ t: (k: string) => k, uiLang: () => 'en' }));
vi.mock('@/lib/messaging/send', () => ({
  MessageError: class extends Error {},
  send: vi.fn(async (type: string) => {
    sent.push(type);
    return type === 'sync/status' ? status : { waiting: 7 };
  }),
}));
const { SyncPage } = await import('./sync-page');

const tick = () => act(() => new Promise((r) => setTimeout(r, 0)));

describe('Sync now during an automatic sync', () => {
  it('is enabled, says it joins the running sync, and asks the background to sync', async () => {
    const el = document.createElement('div');
    act(() => render(<SyncPage />, el));
    await tick();
    const button = el.querySelector<HTMLButtonElement>('[data-action="sync-now"]')!;
    expect(el.querySelector('[data-testid="sync-progress"]')).not.toBeNull();
    expect(button.disabled).toBe(false);
    expect(el.querySelector('[data-testid="sync-joins"]')?.textContent).toBe('syncNowJoins');
    await act(async () => button.click());
    await tick();
    expect(sent).toContain('sync/now');
    render(null, el);
  });
});

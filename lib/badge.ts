import { browser } from '#imports';
import { waitingToSync } from './queue/waiting-count';

/** The toolbar badge: how many leads are waiting to reach the CRM (issue #4). */
export async function refreshBadge(): Promise<void> {
  const count = await waitingToSync();
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#0f6cbd' });
}

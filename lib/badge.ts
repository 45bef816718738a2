import { browser } from '#imports';
import { countUnsynced } from './leads/repo';

/** The toolbar badge: how many leads have not reached the CRM yet. */
export async function refreshBadge(): Promise<void> {
  const count = await countUnsynced();
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#0f6cbd' });
}

import { browser } from '#imports';
import { getDb } from './db/open';
import { openTx } from './db/tx';
import { countWaiting } from './queue/outbox';

/** The toolbar badge: how many leads are waiting in the outbox (issue #4). */
export async function refreshBadge(): Promise<void> {
  const tx = openTx(await getDb(), ['outbox'], 'readonly');
  const count = await countWaiting(tx);
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#0f6cbd' });
}

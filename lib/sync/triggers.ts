// Sync's own listeners (the queue's alarms are lib/queue/schedule.ts): the sign-in notification
// opens the Connection page; coming back online runs the queue. Registered synchronously in the
// background's main() so a woken worker handles the event.
import { browser } from '#imports';
import { kickQueue } from '../queue/schedule';

export function startSyncTriggers(): void {
  browser.notifications?.onClicked.addListener((id) => {
    if (id === 'leadclip-sign-in') void browser.tabs.create({ url: browser.runtime.getURL('/options.html#/connection') });
  });
  addEventListener('online', () => void kickQueue());
}

// When sync runs: the alarm (after saves, retry times, every 5 minutes) and coming back online.
// Registered synchronously in the background's main() so a woken worker handles the event.
import { browser } from '#imports';
import { SYNC_ALARM, syncNow } from './service';

export function startSyncTriggers(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncNow().catch(() => {});
  });
  browser.notifications?.onClicked.addListener((id) => {
    if (id === 'leadclip-sign-in') void browser.tabs.create({ url: browser.runtime.getURL('/options.html#/connection') });
  });
  addEventListener('online', () => void syncNow().catch(() => {}));
}

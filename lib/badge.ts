import { browser } from '#imports';
import { needsAttentionCount, waitingToSync } from './store';
import { t } from './i18n/t';

export interface BadgeInputs {
  /** Leads waiting to reach the CRM (issue #4). */
  waiting: number;
  /** Leads the queue stopped on until the rep acts (issue #16). */
  needsAttention: number;
  /** The Dynamics 365 sign-in ran out (the session already notified once). */
  signInExpired: boolean;
}

export const ATTENTION_NOTIFICATION = 'leadclip-attention';
/** storage.local: the current "needs attention" spell was notified. Survives worker restarts. */
const NOTIFIED_KEY = 'attentionNotified';
/** storage.local: the toolbar title carries an alert (Chrome keeps it past the worker's life). */
const ALERT_TITLE_KEY = 'badgeAlertTitle';

// The sign-in state lives with the sync code; the background entry hands its reader in, so the
// badge (used by the queue) does not depend on sync (no folder cycle, tests/architecture.test.ts).
let readSignInExpired: () => Promise<boolean> = async () => false;
export function badgeReadsSignInWith(read: () => Promise<boolean>): void {
  readSignInExpired = read;
}

async function readBadgeInputs(): Promise<BadgeInputs> {
  const [waiting, needsAttention, signInExpired] = await Promise.all([
    waitingToSync(),
    needsAttentionCount(),
    readSignInExpired(),
  ]);
  return { waiting, needsAttention, signInExpired };
}

let last: Promise<void> = Promise.resolve();

/** The toolbar badge: the count of leads waiting, red with its own title when leads need
 * attention or the sign-in expired; and one notification each time leads start needing attention
 * (not one per lead). Calls run one after another so two refreshes never notify twice. */
export function refreshBadge(read: () => Promise<BadgeInputs> = readBadgeInputs): Promise<void> {
  last = last.catch(() => {}).then(async () => show(await read()));
  return last;
}

async function show({ waiting, needsAttention, signInExpired }: BadgeInputs): Promise<void> {
  const alert = needsAttention > 0 || signInExpired;
  await browser.action.setBadgeText({ text: waiting > 0 ? String(waiting) : alert ? '!' : '' });
  await browser.action.setBadgeBackgroundColor({ color: alert ? '#c50f1f' : '#0f6cbd' });
  const stored = await browser.storage.local.get([NOTIFIED_KEY, ALERT_TITLE_KEY]);
  // The title says why; it is set only while alerting and once more to put the plain one back.
  if (alert || stored[ALERT_TITLE_KEY] === true) {
    const why = [needsAttention > 0 ? t('badgeNeedsAttention', String(needsAttention)) : '', signInExpired ? t('badgeSignInExpired') : ''].filter(Boolean);
    await browser.action.setTitle({ title: [t('actionTitle'), ...why].join('\n') });
    await (alert ? browser.storage.local.set({ [ALERT_TITLE_KEY]: true }) : browser.storage.local.remove(ALERT_TITLE_KEY));
  }

  const notified = stored[NOTIFIED_KEY] === true;
  if (needsAttention > 0 && !notified) {
    await browser.storage.local.set({ [NOTIFIED_KEY]: true });
    await browser.notifications.create(ATTENTION_NOTIFICATION, {
      type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('attentionNotifyTitle'), message: t('attentionNotifyMessage', String(needsAttention)),
    });
  } else if (needsAttention === 0 && notified) {
    await browser.storage.local.remove(NOTIFIED_KEY); // the next spell notifies again
  }
}

/** Clicking the notification opens the Sync view, where the leads that need attention come first. */
export function listenForAttentionClicks(): void {
  browser.notifications?.onClicked.addListener((id) => {
    if (id === ATTENTION_NOTIFICATION) void browser.tabs.create({ url: browser.runtime.getURL('/options.html#/sync') });
  });
}

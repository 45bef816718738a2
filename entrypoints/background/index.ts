import { defineBackground } from '#imports';
import { serve } from '@/lib/messaging/serve';
import { badgeReadsSignInWith, listenForAttentionClicks, refreshBadge } from '@/lib/badge';
import { idbTokenStore } from '@/lib/sync/auth/secret-store';
import { listenForInstall } from '@/lib/onboarding/first-run';
import { ensureRetentionAlarm, listenForRetention } from '@/lib/privacy/retention';
import { kickQueue, startQueue } from '@/lib/queue/schedule';
import { httpTestProcessor } from '@/lib/queue/http-test-processor';
import { startSyncActivation } from '@/lib/sync/activation';
import { handlers } from './handlers';
import { resumeImports, whenImportedLeadsQueued } from '@/lib/store';
import { startSyncTriggers } from '@/lib/sync/triggers';
import { captureSelection, registerSelectionMenu } from '@/lib/capture/selection-menu';
import { restrictStorageToExtension } from '@/lib/settings/restrict-storage';
import { openPanelFor, registerToolbarBehaviour } from '@/lib/capture/toolbar-behaviour';

export default defineBackground(() => {
  // First: content scripts may not read or write chrome.storage (issue #18).
  void restrictStorageToExtension();
  // Listeners are registered synchronously so a restarted worker answers the message that woke it.
  serve(handlers);
  listenForInstall(); // the welcome page, once (issue #16)
  listenForAttentionClicks();
  badgeReadsSignInWith(() => idbTokenStore.getFlag('signInNotified'));
  registerSelectionMenu();
  registerToolbarBehaviour(); // popup or side panel (issue #13)
  // Tests cannot click a native context menu: the test build lets them call the menu's handler.
  if (import.meta.env.LEADCLIP_TEST_BUILD) Object.assign(globalThis, { leadclipTest: { captureSelection, openPanelFor } });
  startSyncTriggers();
  // The sync engine (lib/sync/) sends the queue while signed in; test builds also have the
  // queue tests' recorder, used while a test has set its endpoint.
  startSyncActivation(import.meta.env.LEADCLIP_TEST_BUILD ? httpTestProcessor() : undefined);
  listenForRetention(() => void refreshBadge());
  void ensureRetentionAlarm();
  startQueue(); // also refreshes the badge
  whenImportedLeadsQueued(() => void kickQueue());
  void resumeImports(); // an import committed before the worker stopped
});

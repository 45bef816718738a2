import { defineBackground } from '#imports';
import { serve } from '@/lib/messaging/serve';
import { refreshBadge } from '@/lib/badge';
import { ensureRetentionAlarm, listenForRetention } from '@/lib/privacy/retention';
import { startQueue } from '@/lib/queue/schedule';
import { registerSyncProcessor } from '@/lib/queue/processor-registry';
import { httpTestProcessor, TEST_ENDPOINT_KEY } from '@/lib/queue/http-test-processor';
import { dataverseProcessor } from '@/lib/sync/service';
import { browser } from '#imports';
import { handlers } from './handlers';
import { startSyncTriggers } from '@/lib/sync/triggers';

export default defineBackground(() => {
  // Listeners are registered synchronously so a restarted worker answers the message that woke it.
  serve(handlers);
  startSyncTriggers();
  // The sync engine (lib/sync/) sends the queue; test builds use the queue tests' recorder
  // while a test has set its endpoint.
  const dataverse = dataverseProcessor();
  if (import.meta.env.LEADCLIP_TEST_BUILD) {
    const recorder = httpTestProcessor();
    registerSyncProcessor(async (jobs, signal) =>
      (await browser.storage.local.get(TEST_ENDPOINT_KEY))[TEST_ENDPOINT_KEY] ? recorder(jobs, signal) : dataverse(jobs, signal));
  } else {
    registerSyncProcessor(dataverse);
  }
  listenForRetention(() => void refreshBadge());
  void ensureRetentionAlarm();
  startQueue(); // also refreshes the badge
});

import { defineBackground } from '#imports';
import { serve } from '@/lib/messaging/serve';
import { refreshBadge } from '@/lib/badge';
import { ensureRetentionAlarm, listenForRetention } from '@/lib/privacy/retention';
import { startQueue } from '@/lib/queue/schedule';
import { registerSyncProcessor } from '@/lib/queue/processor-registry';
import { httpTestProcessor } from '@/lib/queue/http-test-processor';
import { handlers } from './handlers';

export default defineBackground(() => {
  // Listeners are registered synchronously so a restarted worker answers the message that woke it.
  serve(handlers);
  listenForRetention(() => void refreshBadge());
  void ensureRetentionAlarm();
  // The sync engine (lib/sync/) registers the real processor here; test builds use a recorder.
  if (import.meta.env.LEADCLIP_TEST_BUILD) registerSyncProcessor(httpTestProcessor());
  startQueue(); // also refreshes the badge
});

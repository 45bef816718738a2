import { defineBackground } from '#imports';
import { serve } from '@/lib/messaging/serve';
import { refreshBadge } from '@/lib/badge';
import { handlers } from './handlers';
import { startSyncTriggers } from '@/lib/sync/triggers';

export default defineBackground(() => {
  // Listeners are registered synchronously so a restarted worker answers the message that woke it.
  serve(handlers);
  startSyncTriggers();
  void refreshBadge();
});

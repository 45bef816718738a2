import { defineBackground } from '#imports';
import { serve } from '@/lib/messaging/serve';
import { refreshBadge } from '@/lib/badge';
import { ensureRetentionAlarm, listenForRetention } from '@/lib/privacy/retention';
import { handlers } from './handlers';

export default defineBackground(() => {
  // Listeners are registered synchronously so a restarted worker answers the message that woke it.
  serve(handlers);
  listenForRetention(() => void refreshBadge());
  void ensureRetentionAlarm();
  void refreshBadge();
});

import { defineBackground } from '#imports';
import { serve } from '@/lib/messaging/serve';
import { refreshBadge } from '@/lib/badge';
import { handlers } from './handlers';
import { captureSelection, registerSelectionMenu } from '@/lib/capture/selection-menu';

export default defineBackground(() => {
  // Listeners are registered synchronously so a restarted worker answers the message that woke it.
  serve(handlers);
  registerSelectionMenu();
  // Tests cannot click a native context menu: the test build lets them call the menu's handler.
  if (__LEADCLIP_TEST_BUILD__) Object.assign(globalThis, { leadclipTest: { captureSelection } });
  void refreshBadge();
});

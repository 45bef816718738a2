// The popup's first script (issue #13): a classic script in popup.html's <head>, so the tab's
// never-capture verdict is asked for, and the page read after it, while the form's modules load.
import { defineUnlistedScript } from '#imports';
import { startEarlyRead } from '@/components/capture/start-early-read';

export default defineUnlistedScript(() => startEarlyRead(location.search));

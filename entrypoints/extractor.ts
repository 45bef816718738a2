// Injected on demand into the popup's tab only (activeTab + scripting), never as a content
// script: reads the page and returns candidates as plain data. Imports nothing that touches
// storage, tokens or the network.
import { defineUnlistedScript } from '#imports';
import { extractPage } from '@/lib/extract/extract-page';

export default defineUnlistedScript(() => extractPage(document, location.href));

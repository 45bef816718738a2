// Background-side answer for capture paths that read a page (the selection menu): is this page
// on a never-capture list or the rep's own company's site? (issue #8)
import { refusalFor } from './capture-policy';
import { getPrivacySettings } from './settings';

export async function pageCaptureRefused(url: string | undefined): Promise<boolean> {
  if (!url) return false;
  const refusal = refusalFor({ lead: { provenance: { origin: 'page', sourceUrl: url, capturedAt: new Date().toISOString(), fields: {} } }, settings: await getPrivacySettings() });
  return !!refusal && refusal.code !== 'free_mail_unconfirmed';
}

// Message -> privacy lib call, spread into entrypoints/background/handlers.ts.
import { forLeadsSettled, listLeads } from '../store';
import type { Handlers } from '../messaging/serve';
import { exportPerson } from './export-person';
import { forgetPerson } from './forget-person';
import { leadsOfPerson } from './person-leads';
import { t } from '../i18n/t';
import { refusalFor, refusalMessageKey } from './capture-policy';
import { effectiveOwnDomain, getPrivacySettings, getPrivacySettingsWithLocks, setPrivacySettings } from './settings';

/** The settings in force, the derived company domain, and what the administrator's policy locks. */
async function current() {
  const { settings, locked } = await getPrivacySettingsWithLocks();
  return { settings, locked, ownDomain: effectiveOwnDomain(settings) };
}

/**
 * `deleteInCrm` comes from the sync service: passed in by the background, so privacy does not
 * import sync (sync reads the privacy settings; one direction only, issue #15).
 */
export const privacyHandlers = (deleteInCrm: (leadId: string) => Promise<unknown>) => ({
  'privacy/check': async ({ sourceUrl, emails, origin }) => {
    const [emailaddress1, emailaddress2, emailaddress3] = emails;
    const refusal = refusalFor({
      lead: { emailaddress1, emailaddress2, emailaddress3, provenance: { origin: origin ?? 'page', sourceUrl, capturedAt: new Date().toISOString(), fields: {} } },
      settings: await getPrivacySettings(),
    });
    return { refusal: refusal ? { ...refusal, message: t(refusalMessageKey[refusal.code], refusal.subject) } : null };
  },
  'privacy/settings/get': () => current(),
  'privacy/settings/set': async ({ patch }) => {
    await setPrivacySettings(patch);
    return current();
  },
  'privacy/person': ({ email }) => forLeadsSettled([], async () => ({ leads: leadsOfPerson(await listLeads(), email) })),
  'privacy/export': async ({ ids }) => ({ json: JSON.stringify(await exportPerson(ids), null, 2) }),
  'privacy/forget': async ({ id, deleteInCrm: deleteInCrmToo }) => {
    const { repIdentity } = await getPrivacySettings();
    const crmDelete = deleteInCrmToo ? async () => void (await deleteInCrm(id)) : undefined;
    return forgetPerson(id, { by: repIdentity || undefined, crmDelete });
  },
}) satisfies Pick<Handlers, 'privacy/check' | 'privacy/settings/get' | 'privacy/settings/set' | 'privacy/person' | 'privacy/export' | 'privacy/forget'>;

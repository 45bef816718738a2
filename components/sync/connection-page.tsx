// Options → Connection: "Sign in with Microsoft" and pick the environment from Microsoft's list
// (issue #17), or type the environment URL; tenant and client ID optional (or preset by the admin);
// a short guide to registering an own Entra app, sign in / out and "Test connection".
import './sync.css';
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { browser } from '#imports';
import { t } from '@/lib/i18n/t';
import { send, MessageError } from '@/lib/messaging/send';
import { normalizeSettings, originPattern, PUBLISHER_CLIENT_ID, SANDBOX_ALLOWED } from '@/lib/sync/settings';
import { CLOUD_IDS, cloudById, type CloudId } from '@/lib/sync/clouds';
import { describePrivileges, parsePrivilege } from '@/lib/sync/privileges';
import type { MessageOut } from '@/lib/messaging/protocol';

type Info = MessageOut<'sync/connection/get'>;
type Check = MessageOut<'sync/test'>;
type Found = Extract<MessageOut<'sync/discover'>, { ok: true }>['environments'];
type Cloud = CloudId | 'sandbox';
const clouds: readonly Cloud[] = SANDBOX_ALLOWED ? [...CLOUD_IDS, 'sandbox'] : CLOUD_IDS;
const fields = ['environmentUrl', 'tenant', 'clientId', 'webhookUrl'] as const;

/** "create leads, attach notes to leads (append to)" from privilege names (prvCreateLead…). */
function describeMissing(names: string[]): string {
  return describePrivileges(names.map((n) => parsePrivilege(n)).filter((p) => !!p), t);
}

export function ConnectionPage() {
  const info = useSignal<Info | undefined>(undefined);
  const form = useSignal<Record<string, string>>({ environmentUrl: '', tenant: '', clientId: '', webhookUrl: '', webhookSecret: '' });
  const problems = useSignal<Record<string, string>>({});
  const busy = useSignal(false);
  const status = useSignal<{ kind: 'ok' | 'error' | 'info'; text: string } | undefined>(undefined);
  /** A changed environment or webhook URL waiting for the rep's confirmation (issue #18). */
  const toConfirm = useSignal<('environmentUrl' | 'webhookUrl')[]>([]);
  const cloud = useSignal<Cloud>('public');
  const sandboxUrl = useSignal('');
  /** Microsoft's list of the rep's environments, once they signed in for it. */
  const found = useSignal<Found | undefined>(undefined);

  async function load() {
    const i = await send('sync/connection/get', {});
    info.value = i;
    form.value = { ...form.value, ...Object.fromEntries(fields.map((f) => [f, i.settings[f] ?? ''])) };
  }
  useEffect(() => void load(), []);

  const locked = (f: string) => !!info.value?.locked.includes(f as never);

  async function run(action: () => Promise<void>) {
    busy.value = true;
    status.value = undefined;
    try {
      await action();
    } catch (err) {
      status.value = { kind: 'error', text: err instanceof MessageError || err instanceof Error ? err.message : String(err) };
    } finally {
      busy.value = false;
    }
  }

  /** Saves, asks for the org's host permission (needs this click), then signs in. A new
   * environment or webhook target is saved only once the rep confirms it. */
  const connect = (confirmChanges = false) => run(async () => {
    toConfirm.value = [];
    const input = { environmentUrl: form.value.environmentUrl, tenant: form.value.tenant, clientId: form.value.clientId, webhookUrl: form.value.webhookUrl || undefined, webhookSecret: form.value.webhookSecret || undefined, confirmChanges };
    const local = normalizeSettings(input);
    if (!local.ok) {
      problems.value = Object.fromEntries(Object.entries(local.problems).map(([k, v]) => [k, t(`syncSettings_${v}`)]));
      return;
    }
    problems.value = {};
    // Only the org's host: a webhook receiver is reached without a host grant, so it must allow CORS.
    const origins = [local.settings.environmentUrl].filter((u): u is string => !!u).map(originPattern);
    if (origins.length && !(await browser.permissions.contains({ origins })) && !(await browser.permissions.request({ origins }))) {
      status.value = { kind: 'error', text: t('syncPermissionDenied') };
      return;
    }
    const saved = await send('sync/connection/save', input);
    if (saved.confirm?.length) {
      toConfirm.value = saved.confirm;
      return;
    }
    if (!saved.ok) {
      problems.value = Object.fromEntries(Object.entries(saved.problems).map(([k, v]) => [k, t(`syncSettings_${v}`)]));
      return;
    }
    if (local.settings.environmentUrl) {
      info.value = await send('sync/sign-in', {});
      status.value = { kind: 'ok', text: t('syncSignedIn') };
    } else {
      await load();
      status.value = { kind: 'ok', text: t('syncSaved') };
    }
  });

  /** "Sign in with Microsoft": asks for the discovery service's host (this click), signs in, lists. */
  const discover = () => run(async () => {
    found.value = undefined;
    let discovery: string;
    try {
      discovery = cloud.value === 'sandbox' ? new URL(sandboxUrl.value.trim()).origin : cloudById(cloud.value).discovery;
    } catch {
      problems.value = { sandboxUrl: t('syncSettings_env_url_invalid') };
      return;
    }
    problems.value = {};
    const origins = [originPattern(discovery)];
    if (!(await browser.permissions.contains({ origins })) && !(await browser.permissions.request({ origins }))) {
      status.value = { kind: 'error', text: t('syncDiscoveryPermission') };
      return;
    }
    const r = await send('sync/discover', { cloud: cloud.value, sandboxUrl: cloud.value === 'sandbox' ? sandboxUrl.value : undefined, tenant: form.value.tenant, clientId: form.value.clientId });
    if (!r.ok) {
      problems.value = Object.fromEntries(Object.entries(r.problems).map(([k, v]) => [k, t(`syncSettings_${v}`)]));
      return;
    }
    found.value = r.environments;
  });

  /** The rep picked one: it becomes the environment (their click confirms it) and they are signed in. */
  const pick = (url: string) => {
    form.value = { ...form.value, environmentUrl: url };
    void connect(true);
  };

  const test = () => run(async () => {
    const r: Check = await send('sync/test', {});
    // Issue #17 ("Can't find the option?"): licence, role or privileges in words; with all of
    // them in place, the remaining cause is a customised app.
    status.value = r.ok
      ? { kind: 'ok', text: `${t('syncTestOk')} ${t('syncTestOkAppHint')}` }
      : r.problem === 'missing_privileges'
        ? { kind: 'error', text: t('syncTest_missing_privileges', describeMissing(r.missing ?? [])) }
        : { kind: 'error', text: `${t(`syncTest_${r.problem}`)} ${r.detail ? `(${r.detail})` : ''}` };
    await load();
  });

  const signOut = () => run(async () => {
    info.value = await send('sync/sign-out', {});
    status.value = { kind: 'info', text: t('syncSignedOut') };
  });

  if (!info.value) return <div aria-busy="true" />;
  const input = (name: string, label: string, hint?: string, type: 'text' | 'password' = 'text') => (
    <label class="field">
      <span>{t(label)}</span>
      <input
        name={name} type={type as 'text'} value={form.value[name]} disabled={locked(name) || busy.value} aria-invalid={problems.value[name] ? 'true' : undefined}
        onInput={(e) => (form.value = { ...form.value, [name]: (e.currentTarget as HTMLInputElement).value })}
      />
      {locked(name) && <small>{t('syncLockedByAdmin')}</small>}
      {problems.value[name] && <small class="field-error" role="alert">{problems.value[name]}</small>}
      {hint && <small>{hint}</small>}
    </label>
  );
  return (
    <section class="sync-connection">
      <h2>{t('syncConnectionTitle')}</h2>
      <p data-testid="sign-in-state">{info.value.signedIn ? t('syncStateSignedIn') : t('syncStateSignedOut')}</p>
      <fieldset class="sync-microsoft" data-testid="microsoft-sign-in" disabled={locked('environmentUrl')}>
        <legend>{t('syncMicrosoftTitle')}</legend>
        <p class="muted">{t('syncMicrosoftIntro')}</p>
        <label class="field">
          <span>{t('syncCloudLabel')}</span>
          <select name="cloud" value={cloud.value} disabled={busy.value} onChange={(e) => (cloud.value = (e.currentTarget as HTMLSelectElement).value as Cloud)}>
            {clouds.map((c) => <option key={c} value={c}>{t(`syncCloud_${c}`)}</option>)}
          </select>
        </label>
        {cloud.value === 'sandbox' && (
          <label class="field">
            <span>{t('syncFieldSandboxUrl')}</span>
            <input name="sandboxUrl" value={sandboxUrl.value} disabled={busy.value} onInput={(e) => (sandboxUrl.value = (e.currentTarget as HTMLInputElement).value)} />
            {problems.value.sandboxUrl && <small class="field-error" role="alert">{problems.value.sandboxUrl}</small>}
          </label>
        )}
        <div class="toolbar">
          <button type="button" class="primary" data-action="discover" disabled={busy.value} onClick={() => void discover()}>{t('syncActionMicrosoft')}</button>
        </div>
        {found.value && (
          <div data-testid="environment-list">
            <h3>{t('syncEnvironmentsTitle')}</h3>
            {found.value.length === 0 && <p class="muted">{t('syncEnvironmentsNone')}</p>}
            <ul>
              {found.value.map((e) => (
                <li key={e.url} data-env-url={e.url}>
                  <strong>{e.name}</strong> <code>{e.url}</code>{e.region ? ` · ${e.region}` : ''}{' '}
                  <button type="button" data-action="pick-environment" data-env-url={e.url} disabled={busy.value} onClick={() => pick(e.url)}>{t('syncActionUseEnvironment')}</button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>
      <h3>{t('syncManualTitle')}</h3>
      <form onSubmit={(e) => { e.preventDefault(); void connect(); }}>
        {input('environmentUrl', 'syncFieldEnvironmentUrl', t('syncHintEnvironmentUrl'))}
        {input('tenant', 'syncFieldTenant', t('syncHintTenantOptional'))}
        {input('clientId', 'syncFieldClientId', t(PUBLISHER_CLIENT_ID ? 'syncHintClientIdDefault' : 'syncHintClientIdNone'))}
        {locked('authority') && (
          <p class="field" data-testid="authority">{t('syncFieldAuthority')}: <code>{info.value.settings.authority}</code> <small>{t('syncLockedByAdmin')}</small></p>
        )}
        <details>
          <summary>{t('syncWebhookTitle')}</summary>
          {input('webhookUrl', 'syncFieldWebhookUrl')}
          {input('webhookSecret', 'syncFieldWebhookSecret', info.value.webhookSigned ? t('syncWebhookSecretKept') : undefined, 'password')}
        </details>
        <div class="toolbar">
          <button type="submit" data-action="connect" disabled={busy.value}>{t('syncActionConnect')}</button>
          <button type="button" data-action="test" disabled={busy.value} onClick={() => void test()}>{t('syncActionTest')}</button>
          {info.value.signedIn && <button type="button" data-action="sign-out" disabled={busy.value} onClick={() => void signOut()}>{t('syncActionSignOut')}</button>}
        </div>
      </form>
      {toConfirm.value.length > 0 && (
        <div class="banner banner--warning" role="alertdialog" data-testid="confirm-change">
          <p>{t('syncConfirmChangeIntro')}</p>
          <ul>
            {toConfirm.value.map((f) => (
              <li key={f} data-field={f}>
                {t(f === 'environmentUrl' ? 'syncFieldEnvironmentUrl' : 'syncFieldWebhookUrl')}: <code>{info.value?.settings[f] || t('syncConfirmChangeNone')}</code> → <code>{form.value[f]}</code>
              </li>
            ))}
          </ul>
          <div class="toolbar">
            <button type="button" data-action="confirm-change" disabled={busy.value} onClick={() => void connect(true)}>{t('syncConfirmChangeAccept')}</button>
            <button type="button" data-action="cancel-change" disabled={busy.value} onClick={() => (toConfirm.value = [])}>{t('syncConfirmChangeCancel')}</button>
          </div>
        </div>
      )}
      {status.value && <p class={`banner banner--${status.value.kind === 'error' ? 'warning' : 'info'}`} role="status" data-testid="connection-status">{status.value.text}</p>}
      <details class="sync-guide" open={!info.value.signedIn}>
        <summary>{t('syncGuideTitle')}</summary>
        <ol>
          <li>{t('syncGuideStep1')}</li>
          <li>{t('syncGuideStep2')} <code data-testid="redirect-uri">{info.value.redirectUri}</code></li>
          <li>{t('syncGuideStep3')}</li>
          <li>{t('syncGuideStep4')}</li>
        </ol>
        <p>{t('syncGuideConsent')}</p>
      </details>
    </section>
  );
}

// "Microsoft Exchange (Outlook contacts)" as an import source beside files (issue #17): asks for
// the Graph host permission at the moment of use, lists the rep's contact folders, and hands the
// chosen folders' contacts to the import flow as rows. Graph itself is called by the background.
import { useSignal } from '@preact/signals';
import { browser } from '#imports';
import { t } from '@/lib/i18n/t';
import { send } from '@/lib/messaging/send';
import { graphHostPattern } from '@/lib/exchange/graph-base';
import type { MessageOut } from '@/lib/messaging/protocol';

type Folder = MessageOut<'exchange/folders'>['folders'][number];
export type ExchangeReadResult = MessageOut<'exchange/read'>;

export const folderLabel = (f: Pick<Folder, 'id' | 'displayName'>) => (f.id === 'default' ? t('exchange_default_folder') : f.displayName);

export function ExchangeSource({ onRead }: { onRead: (r: ExchangeReadResult, folders: Folder[]) => void }) {
  const folders = useSignal<Folder[] | undefined>(undefined);
  const chosen = useSignal<string[]>([]);
  const busy = useSignal<'' | 'folders' | 'reading'>('');
  const error = useSignal('');

  async function permitted(): Promise<boolean> {
    const { settings } = await send('sync/connection/get', {});
    if (!settings.environmentUrl) {
      error.value = t('exchange_err_not_connected');
      return false;
    }
    const origins = [graphHostPattern(settings.environmentUrl)];
    if ((await browser.permissions.contains({ origins })) || (await browser.permissions.request({ origins }))) return true;
    error.value = t('exchange_permission_denied');
    return false;
  }

  async function showFolders() {
    error.value = '';
    busy.value = 'folders';
    try {
      if (!(await permitted())) return;
      const r = await send('exchange/folders', {});
      folders.value = r.folders;
      chosen.value = [];
    } catch (err) {
      error.value = (err as Error).message;
    } finally {
      busy.value = '';
    }
  }

  async function read() {
    error.value = '';
    busy.value = 'reading';
    try {
      const list = folders.value ?? [];
      const r = await send('exchange/read', { folderIds: chosen.value });
      onRead(r, list);
    } catch (err) {
      error.value = (err as Error).message;
    } finally {
      busy.value = '';
    }
  }

  const toggle = (id: string, on: boolean) => (chosen.value = on ? [...chosen.value, id] : chosen.value.filter((x) => x !== id));

  return (
    <fieldset class="import-exchange" data-testid="exchange-source">
      <legend>{t('exchange_title')}</legend>
      <p class="muted">{t('exchange_intro')}</p>
      {error.value && <p class="banner banner--warning" role="alert" data-testid="exchange-error">{error.value}</p>}
      {!folders.value && (
        <button type="button" data-action="exchange-folders" disabled={!!busy.value} onClick={() => void showFolders()}>
          {busy.value === 'folders' ? t('exchange_loading_folders') : t('exchange_show_folders')}
        </button>
      )}
      {folders.value && (
        <>
          <ul class="import-exchange-folders" data-testid="exchange-folders">
            {folders.value.map((f) => (
              <li key={f.id}>
                <label>
                  <input type="checkbox" name="exchange-folder" value={f.id} checked={chosen.value.includes(f.id)} onChange={(e) => toggle(f.id, e.currentTarget.checked)} />{' '}
                  {folderLabel(f)}
                  {f.importedAt && <span class="muted"> {t('exchange_imported_at', new Date(f.importedAt).toLocaleString())}</span>}
                </label>
              </li>
            ))}
          </ul>
          <button type="button" class="primary" data-action="exchange-read" disabled={!chosen.value.length || !!busy.value} onClick={() => void read()}>
            {busy.value === 'reading' ? t('exchange_reading') : t('exchange_read', String(chosen.value.length))}
          </button>
        </>
      )}
    </fieldset>
  );
}

// The side panel (issue #13): the popup's capture UI, staying open while the rep moves between
// tabs. When the rep is on another page than the form's, the panel says so and offers to read it;
// it never replaces the form by itself (what was typed stays a draft of its own page).
import { t } from '@/lib/i18n/t';
import { CaptureApp } from './capture-app';
import { usePanelTab } from './use-panel-tab';

export function SidePanel() {
  const panel = usePanelTab();
  const tab = panel.formTab.value;
  const stale = panel.stale();
  return (
    <div class="side-panel" data-testid="side-panel" data-form-tab={tab?.id} data-stale={stale ? 'true' : 'false'}>
      <div class={`panel-bar${stale ? ' panel-bar--stale' : ''}`} role={stale ? 'status' : undefined}>
        {stale && (
          <p data-testid="panel-stale">
            {tab?.title ? t('panel_form_from', tab.title) : t('panel_form_from_previous')}
          </p>
        )}
        <button type="button" data-action="read-page" class={stale ? 'primary' : 'link'} onClick={() => void panel.readActive()}>{t('panel_read_page')}</button>
      </div>
      {tab && !tab.url && <p class="banner banner--info" data-testid="panel-needs-grant">{t('panel_needs_grant')}</p>}
      {panel.reads.value > 0 && <CaptureApp key={panel.reads.value} targetTab={() => Promise.resolve(tab)} stayOpen />}
    </div>
  );
}

// The options page's sections. Each feature adds one entry; App.tsx renders the nav from it.
import type { JSX } from 'preact';
import { LeadsPage } from '@/components/options/leads-page';
import { ConnectionPage } from '@/components/sync/connection-page';
import { SyncPage } from '@/components/sync/sync-page';
import { ScoringEditor } from '@/components/pipeline/scoring-editor';
import { SettingsPage } from '@/components/settings/settings-page';
import { ImportPage } from '@/components/import/import-page';
import { PrivacyPage } from '@/components/privacy/privacy-page';
import { CaptureSettings } from '@/components/capture/capture-settings';

export interface OptionsPage {
  /** The hash route: #/<id> */
  id: string;
  /** i18n key of the nav label */
  label: string;
  render: (go: (hash: string) => void) => JSX.Element;
}

export const pages: OptionsPage[] = [
  { id: 'leads', label: 'nav_leads', render: (go) => <LeadsPage onOpen={(id) => go(`#/lead/${id}`)} /> },
  { id: 'sync', label: 'syncNavSync', render: () => <SyncPage /> },
  { id: 'connection', label: 'syncNavConnection', render: () => <ConnectionPage /> },
  { id: 'scoring', label: 'nav_scoring', render: () => <ScoringEditor /> },
  { id: 'import', label: 'nav_import', render: () => <ImportPage /> },
  { id: 'capture', label: 'nav_capture', render: () => <CaptureSettings /> },
  { id: 'privacy', label: 'nav_privacy', render: () => <PrivacyPage /> },
  { id: 'settings', label: 'nav_settings', render: () => <SettingsPage /> },
];

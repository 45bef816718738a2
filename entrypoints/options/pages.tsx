// The options page's sections. Each feature adds one entry; App.tsx renders the nav from it.
import type { JSX } from 'preact';
import { LeadsPage } from '@/components/options/leads-page';

export interface OptionsPage {
  /** The hash route: #/<id> */
  id: string;
  /** i18n key of the nav label */
  label: string;
  render: (go: (hash: string) => void) => JSX.Element;
}

export const pages: OptionsPage[] = [
  { id: 'leads', label: 'nav_leads', render: (go) => <LeadsPage onOpen={(id) => go(`#/lead/${id}`)} /> },
];

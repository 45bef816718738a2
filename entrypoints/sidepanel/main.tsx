import { render } from 'preact';
import '@/components/lead-form/lead-form.css';
import '@/components/pipeline/pipeline.css';
import '@/components/capture/side-panel.css';
import { SidePanel } from '@/components/capture/side-panel';
import { t } from '@/lib/i18n/t';

// Screen readers and axe need the page's language: the one _locales answers in (issue #16).
document.documentElement.lang = t('lang');

render(<SidePanel />, document.getElementById('app')!);

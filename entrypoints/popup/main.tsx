import { render } from 'preact';
import '@/components/lead-form/lead-form.css';
import '@/components/pipeline/pipeline.css';
import { t } from '@/lib/i18n/t';
import { App } from './App';

// Screen readers and axe need the page's language: the one _locales answers in (issue #16).
document.documentElement.lang = t('lang');

render(<App />, document.getElementById('app')!);

// Opened once, on install (lib/onboarding/first-run.ts).
import { render } from 'preact';
import { browser } from '#imports';
import '@/components/lead-form/lead-form.css';
import '@/components/welcome/welcome.css';
import { WelcomePage } from '@/components/welcome/welcome-page';
import { t } from '@/lib/i18n/t';

document.documentElement.lang = t('lang');
document.title = t('welcome_title');
render(
  <WelcomePage
    onConnect={() => location.assign(browser.runtime.getURL('/options.html#/connection'))}
    onSkip={() => window.close()}
  />,
  document.getElementById('app')!,
);

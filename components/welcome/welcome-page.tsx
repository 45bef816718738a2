// The page a new install opens (issue #16): the language, the default country, a short tour of
// capture, and "connect to Dynamics 365" or "skip". Presentational: the entrypoint wires actions.
import { t, uiLang } from '@/lib/i18n/t';
import { DefaultCountrySelect } from '@/components/settings/default-country-select';

export interface WelcomePageProps {
  onConnect: () => void;
  onSkip: () => void;
}

const tour = ['welcome_tour_pin', 'welcome_tour_open', 'welcome_tour_mail', 'welcome_tour_save'];

export function WelcomePage({ onConnect, onSkip }: WelcomePageProps) {
  return (
    <main class="welcome" data-lang={uiLang()}>
      <header class="welcome-header">
        <img src="/icon/48.png" width={48} height={48} alt="" />
        <div>
          <h1>{t('welcome_title')}</h1>
          <p class="muted">{t('welcome_intro')}</p>
        </div>
      </header>

      <section class="welcome-step" data-testid="welcome-language">
        <h2>{t('welcome_language_title')}</h2>
        <p>{t('welcome_language_text')}</p>
      </section>

      <section class="welcome-step" data-testid="welcome-country">
        <h2>{t('country_title')}</h2>
        <p class="muted">{t('welcome_country_text')}</p>
        <DefaultCountrySelect compact />
      </section>

      <section class="welcome-step" data-testid="welcome-tour">
        <h2>{t('welcome_tour_title')}</h2>
        <ol class="welcome-tour">
          {tour.map((key) => <li key={key}>{t(key)}</li>)}
        </ol>
      </section>

      <section class="welcome-step welcome-connect" data-testid="welcome-connect">
        <h2>{t('welcome_connect_title')}</h2>
        <p>{t('welcome_connect_text')}</p>
        <div class="welcome-actions">
          <button type="button" class="primary" data-action="connect" onClick={onConnect}>{t('welcome_connect')}</button>
          <button type="button" data-action="skip" onClick={onSkip}>{t('welcome_skip')}</button>
        </div>
      </section>
    </main>
  );
}

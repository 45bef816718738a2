import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { LeadEditor } from '@/components/options/lead-editor';
import { t } from '@/lib/i18n/t';
import { pages } from './pages';

const current = () => location.hash || '#/leads';

export function App() {
  const hash = useSignal(current());
  useEffect(() => {
    const onChange = () => (hash.value = current());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  const go = (h: string) => (location.hash = h);
  const [, route, param] = hash.value.split('/');
  const page = pages.find((p) => p.id === route) ?? pages[0];

  return (
    <div class="options">
      <header class="options-header">
        <h1>{t('options_title')}</h1>
        <nav aria-label={t('a11y_nav_pages')}>
          {pages.map((p) => (
            <a key={p.id} href={`#/${p.id}`} aria-current={p.id === route ? 'page' : undefined}>{t(p.label)}</a>
          ))}
        </nav>
      </header>
      <main>{route === 'lead' && param ? <LeadEditor key={param} id={param} onClose={() => go('#/leads')} /> : page.render(go)}</main>
    </div>
  );
}

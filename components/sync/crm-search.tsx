// The Qualify step's "existing account / contact": searches the org (accounts by name, contacts
// by email) through the background and keeps the picked record's id. Without a connection it
// stays a plain name field.
import './sync.css';
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { t } from '@/lib/i18n/t';
import { send } from '@/lib/messaging/send';
import type { CrmMatch } from '@/lib/sync/crm-lookup';

interface Props {
  kind: 'account' | 'contact';
  value: { id: string; name: string };
  onPick: (v: { id: string; name: string }) => void;
}

export function CrmSearch({ kind, value, onPick }: Props) {
  const term = useSignal(value.name);
  const results = useSignal<CrmMatch[]>([]);
  useEffect(() => {
    const q = term.value.trim();
    if (q.length < 2 || q === value.name && value.id !== value.name) {
      results.value = [];
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      send('sync/search', { kind, term: q })
        .then((r) => { if (!stale) results.value = r.matches; })
        .catch(() => { if (!stale) results.value = []; });
    }, 300);
    return () => { stale = true; clearTimeout(timer); };
  }, [term.value]);
  return (
    <div class="crm-search">
      <input
        name={`qualify-${kind}-name`} placeholder={t(kind === 'account' ? 'syncSearchAccount' : 'syncSearchContact')} value={term.value} maxLength={160}
        onInput={(e) => {
          term.value = e.currentTarget.value;
          onPick({ id: '', name: e.currentTarget.value });
        }}
      />
      {results.value.length > 0 && (
        <ul class="crm-search-results" role="listbox" data-testid={`crm-search-${kind}`}>
          {results.value.map((m) => (
            <li key={m.id} role="option" aria-selected={m.id === value.id}>
              <button type="button" data-crm-id={m.id} onClick={() => {
                onPick({ id: m.id, name: m.name });
                term.value = m.name;
                results.value = [];
              }}>{m.name}{m.email ? ` · ${m.email}` : ''}</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

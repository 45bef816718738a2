import { useSignal } from '@preact/signals';
import { t } from '@/lib/i18n/t';
import type { TimelineItem } from '@/lib/leads/schema';
import type { LeadFormModel } from '@/lib/state/lead-form-model';

type Kind = TimelineItem['kind'];

/** Notes, phone calls and tasks regarding the lead. */
export function TimelineEditor({ model }: { model: LeadFormModel }) {
  const kind = useSignal<Kind>('note');
  const subject = useSignal('');
  const text = useSignal('');
  const phone = useSignal('');
  const due = useSignal('');
  const items = model.state.value.timeline;

  function add() {
    const base = { id: crypto.randomUUID(), createdAt: new Date().toISOString() };
    let item: TimelineItem | undefined;
    if (kind.value === 'note' && text.value.trim()) item = { ...base, kind: 'note', subject: subject.value.trim() || undefined, notetext: text.value.trim() };
    if (kind.value === 'phonecall' && subject.value.trim()) item = { ...base, kind: 'phonecall', subject: subject.value.trim(), phonenumber: phone.value.trim() || undefined, directioncode: true, description: text.value.trim() || undefined };
    if (kind.value === 'task' && subject.value.trim()) item = { ...base, kind: 'task', subject: subject.value.trim(), scheduledend: due.value || undefined, description: text.value.trim() || undefined };
    if (!item) return;
    model.update({ timeline: [item, ...items] });
    subject.value = text.value = phone.value = due.value = '';
  }

  return (
    <div class="timeline">
      <div class="timeline-add">
        <select aria-label={t('timeline_kind_note')} name="timeline-kind" value={kind.value} onChange={(e) => (kind.value = (e.currentTarget as HTMLSelectElement).value as Kind)}>
          <option value="note">{t('timeline_kind_note')}</option>
          <option value="phonecall">{t('timeline_kind_phonecall')}</option>
          <option value="task">{t('timeline_kind_task')}</option>
        </select>
        <input name="timeline-subject" placeholder={t('timeline_subject')} value={subject.value} maxLength={200} onInput={(e) => (subject.value = e.currentTarget.value)} />
        {kind.value === 'phonecall' && <input name="timeline-phonenumber" placeholder={t('timeline_phonenumber')} value={phone.value} onInput={(e) => (phone.value = e.currentTarget.value)} />}
        {kind.value === 'task' && <input name="timeline-due" type="datetime-local" aria-label={t('timeline_due')} value={due.value} onInput={(e) => (due.value = e.currentTarget.value)} />}
        <textarea name="timeline-text" placeholder={t('timeline_text')} rows={2} value={text.value} onInput={(e) => (text.value = e.currentTarget.value)} />
        <button type="button" class="secondary" data-action="timeline-add" onClick={add}>{t(`timeline_add_${kind.value}`)}</button>
      </div>
      {items.length === 0 ? <p class="muted">{t('timeline_empty')}</p> : (
        <ul class="timeline-list">
          {items.map((item) => (
            <li key={item.id} data-kind={item.kind}>
              <strong>{t(`timeline_kind_${item.kind}`)}</strong>{' '}
              <span>{item.kind === 'note' ? (item.subject ?? item.notetext.slice(0, 80)) : item.subject}</span>
              <button type="button" class="link" onClick={() => model.update({ timeline: items.filter((i) => i.id !== item.id) })}>{t('action_remove')}</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

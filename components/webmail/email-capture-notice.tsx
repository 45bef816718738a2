// Above the lead form when it was filled from an email: where the values came from, and the box
// that decides whether the email is attached as a Timeline note.
import type { Signal } from '@preact/signals';
import { t } from '@/lib/i18n/t';
import type { EmailPrefill } from '@/lib/webmail/email-to-lead';

export function EmailCaptureNotice({ prefill, attach }: { prefill: EmailPrefill; attach: Signal<boolean> }) {
  const who = prefill.person.name ?? prefill.person.email ?? '';
  return (
    <div class="email-capture" data-testid="email-capture">
      <p class="banner" data-testid="email-capture-source">
        {t(prefill.fromForward ? 'webmail_filled_from_forward' : 'webmail_filled_from_email', who)}
      </p>
      <label class="email-note-toggle">
        <input
          type="checkbox"
          name="attach_email_note"
          checked={attach.value}
          onChange={(e) => (attach.value = (e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        {t('webmail_attach_note')}
      </label>
    </div>
  );
}

// Tells the rep as soon as the form holds someone LeadClip will not keep (never-capture list,
// own company), instead of only when they press Save. The background still decides on save.
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { send } from '@/lib/messaging/send';
import type { LeadFormModel } from '@/lib/state/lead-form-model';

export function PrivacyNotice({ model }: { model: LeadFormModel }) {
  const text = useSignal('');
  const s = model.state.value;
  const emails = [s.values.emailaddress1, s.values.emailaddress2, s.values.emailaddress3].map((e) => (typeof e === 'string' ? e.trim() : '')).filter(Boolean);
  const sourceUrl = s.provenance?.sourceUrl;
  const origin = s.provenance?.origin;
  const key = JSON.stringify([emails, sourceUrl, origin]);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      send('privacy/check', { sourceUrl, emails, origin: origin ?? 'manual' }).then(
        ({ refusal }) => live && (text.value = refusal && refusal.code !== 'free_mail_unconfirmed' ? refusal.message : ''),
        () => undefined,
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);

  if (!text.value) return null;
  return <div class="banner banner--warning" role="alert" data-testid="privacy-notice">⛔ {text.value}</div>;
}

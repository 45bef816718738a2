import { t } from '@/lib/i18n/t';

/** The rep's explicit yes before a free-mail sender becomes a lead (issue #8). */
export function ConfirmFreeMail({ text, onConfirm }: { text: string; onConfirm: () => void }) {
  return (
    <div class="banner banner--info" role="alertdialog" data-testid="confirm-free-mail">
      {text}{' '}
      <button type="button" data-action="confirm-free-mail" onClick={onConfirm}>{t('privacy_save_anyway')}</button>
    </div>
  );
}

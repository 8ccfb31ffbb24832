import { t } from '../../../i18n/i18n';
import { Icon } from '../../../shared/ui/icons';
import { useNotificationsStore } from '../store/notifications-store';

/** Browsers only ask for notification permission after a click, so the shell offers one. */
export function NotificationToggle() {
  const permission = useNotificationsStore((s) => s.permission);
  const request = useNotificationsStore((s) => s.requestPermission);
  if (permission !== 'default') return null;
  return (
    <button type="button" className="button button--ghost" onClick={() => void request()}>
      <Icon name="bell" />
      <span>{t('shell.notifications.enable')}</span>
    </button>
  );
}

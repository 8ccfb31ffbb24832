import type { MessageDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { Icon, type IconName } from '../../../shared/ui/icons';
import { retryMessage } from '../../composer/store/send-message';

const ICON: Record<NonNullable<MessageDto['deliveryStatus']>, IconName> = {
  pending: 'clock',
  sent: 'check',
  delivered: 'checks',
  read: 'checks',
  failed: 'alert',
};

/** Ticks for outgoing messages; a failed send says why and offers a retry in place. */
export function DeliveryStatus({ message }: { message: MessageDto }) {
  const status = message.deliveryStatus;
  if (!status) return null;
  if (status === 'failed') {
    return (
      <span
        className="delivery delivery--failed"
        data-testid="delivery-status"
        data-status="failed"
      >
        <Icon name="alert" size={14} />
        <span>
          {message.failureReason
            ? t('delivery.failed_reason', { reason: message.failureReason })
            : t('delivery.failed')}
        </span>
        <button type="button" className="link-button" onClick={() => void retryMessage(message)}>
          {t('delivery.retry')}
        </button>
      </span>
    );
  }
  return (
    <span
      className={`delivery delivery--${status}`}
      data-testid="delivery-status"
      data-status={status}
      title={t(`delivery.${status}`)}
    >
      <Icon name={ICON[status]} size={14} />
      <span className="visually-hidden">{t(`delivery.${status}`)}</span>
    </span>
  );
}

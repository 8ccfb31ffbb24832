import type { MessageDto } from '@switchboard/contracts';
import { useState } from 'react';
import { t } from '../../../i18n/i18n';
import { Icon, type IconName } from '../../../shared/ui/icons';
import { retryMessage } from '../../composer/store/send-message';
import { resendMessage } from '../store/resend-message';

const ICON: Record<NonNullable<MessageDto['deliveryStatus']>, IconName> = {
  pending: 'clock',
  sent: 'check',
  delivered: 'checks',
  read: 'checks',
  failed: 'alert',
  uncertain: 'alert',
};

/**
 * Ticks for outgoing messages; a failed send says why and offers a retry in place; an uncertain
 * one says why and offers "Send again" behind a confirmation, since the customer may have it.
 */
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
  if (status === 'uncertain') return <UncertainDelivery message={message} />;
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

function UncertainDelivery({ message }: { message: MessageDto }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <span
      className="delivery delivery--uncertain"
      data-testid="delivery-status"
      data-status="uncertain"
      role="status"
    >
      <Icon name="alert" size={14} />
      <span dir="auto">
        {message.failureReason
          ? t('delivery.uncertain_reason', { reason: message.failureReason })
          : t('delivery.uncertain')}
      </span>
      {confirming ? (
        <span role="group" aria-label={t('delivery.resend')}>
          <span>{t('delivery.resend_confirm')}</span>{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setConfirming(false);
              void resendMessage(message);
            }}
          >
            {t('delivery.resend_yes')}
          </button>{' '}
          <button type="button" className="link-button" onClick={() => setConfirming(false)}>
            {t('delivery.resend_cancel')}
          </button>
        </span>
      ) : (
        <button type="button" className="link-button" onClick={() => setConfirming(true)}>
          {t('delivery.resend')}
        </button>
      )}
    </span>
  );
}

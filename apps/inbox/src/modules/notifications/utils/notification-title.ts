import type {
  ConversationSummaryDto,
  NotificationDetail,
  NotificationDto,
} from '@switchboard/contracts';
import type { MessageKey } from '../../../i18n/en';
import { t } from '../../../i18n/i18n';
import { contactName } from '../../../shared/text/contact-name';

const TITLE_KEYS: Record<NotificationDto['type'], MessageKey> = {
  customer_message: 'notification.customer_message.title',
  snooze_expired: 'notification.snooze_expired.title',
  unsnoozed_by_customer: 'notification.unsnoozed_by_customer.title',
  assigned: 'notification.assigned.title',
  mention: 'notification.mention.title',
  task_assigned: 'notification.task_assigned.title',
  task_due: 'notification.task_due.title',
  sla_breached: 'notification.sla_breached.title',
  rule: 'notification.rule.title',
};

/** "Assigned to you: Jane" — the same words in the centre, the browser alert and the live region. */
export function notificationTitle(
  type: NotificationDto['type'],
  conversation: Pick<ConversationSummaryDto, 'contact'>,
  detail?: NotificationDetail | null,
): string {
  const name = contactName(conversation.contact);
  // A rule's notification says which rule and, when it has one, its message.
  if (type === 'rule' && detail?.rule) {
    return detail.text
      ? t('notification.rule.title_text', { rule: detail.rule, text: detail.text, name })
      : t('notification.rule.title_named', { rule: detail.rule, name });
  }
  return t(TITLE_KEYS[type], { name });
}

import type { ConversationPriority } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import '../../sla/components/sla.css';

/** "URGENT" on a feed row; nothing for normal, the usual case. */
export function PriorityBadge({ priority }: { priority: ConversationPriority | undefined }) {
  if (!priority || priority === 'normal') return null;
  return (
    <span
      className={`priority-badge priority-badge--${priority}`}
      data-testid="priority-badge"
      data-priority={priority}
      title={t('priority.badge', { priority: t(`priority.${priority}`) })}
    >
      {t(`priority.${priority}`)}
    </span>
  );
}

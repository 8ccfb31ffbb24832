import {
  CONVERSATION_PRIORITIES,
  type ConversationPriority,
  type ConversationSummaryDto,
} from '@switchboard/contracts';
import { useState } from 'react';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { priorityApi } from '../api/priority-api';
import { errorText } from '../../../shared/api/error-text';

/**
 * The conversation's priority in its header: a native select, so it is a keyboard menu as it is
 * (Tab to it, arrows or type-ahead to choose). The stream brings the change to every tab.
 */
export function PriorityPicker({
  conversation,
}: {
  conversation: Pick<ConversationSummaryDto, 'id' | 'priority'>;
}) {
  const [pending, setPending] = useState<ConversationPriority | null>(null);
  const shown = pending ?? conversation.priority ?? 'normal';
  const change = async (priority: ConversationPriority) => {
    setPending(priority);
    try {
      await priorityApi.set(conversation.id, priority);
    } catch (error) {
      useToastStore
        .getState()
        .show(t('priority.change_failed', { message: errorText(error) }), 'error');
    } finally {
      setPending(null);
    }
  };
  return (
    <label className="priority-picker">
      <span className="visually-hidden">{t('priority.label')}</span>
      <select
        className="select select--small"
        data-testid="priority-picker"
        aria-label={t('priority.label')}
        value={shown}
        disabled={pending !== null}
        onChange={(e) => {
          const next = CONVERSATION_PRIORITIES.find((p) => p === e.target.value);
          if (next) void change(next);
        }}
      >
        {CONVERSATION_PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {t(`priority.${p}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

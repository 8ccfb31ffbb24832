import type { ConversationSummaryDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { Icon } from '../../../shared/ui/icons';
import { useOverlayStore } from '../../shortcuts/store/overlay-store';
import {
  closeConversation,
  reopenConversation,
  unsnoozeConversation,
} from '../store/conversation-commands';
import { useMergedInto } from '../../conversation-merge/store/conversation-links-store';
import { SnoozeMenu } from './snooze-menu';

/** The empty-feed actions: each one click, none asks for a form. */
export function ConversationActions({ conversation }: { conversation: ConversationSummaryDto }) {
  const snoozeOpen = useOverlayStore((s) => s.snoozeMenuOpen);
  const setSnoozeOpen = useOverlayStore((s) => s.setSnoozeMenuOpen);
  const { id, status } = conversation;
  // A merged conversation stays closed: its banner links to where the work goes on.
  const merged = useMergedInto(id) !== null;

  return (
    <div className="actions">
      {status === 'snoozed' && (
        <button
          type="button"
          className="button"
          data-testid="action-unsnooze"
          onClick={() => void unsnoozeConversation(id)}
        >
          <Icon name="reopen" />
          {t('actions.unsnooze')}
        </button>
      )}
      {status !== 'closed' && (
        <div className="actions__snooze">
          <button
            type="button"
            className="button"
            data-testid="action-snooze"
            aria-haspopup="menu"
            aria-expanded={snoozeOpen}
            onClick={() => setSnoozeOpen(!snoozeOpen)}
          >
            <Icon name="snooze" />
            {t('actions.snooze')}
            <kbd>s</kbd>
          </button>
          {snoozeOpen && <SnoozeMenu conversationId={id} />}
        </div>
      )}
      {status === 'closed' ? (
        !merged && (
          <button
            type="button"
            className="button button--primary"
            data-testid="action-reopen"
            onClick={() => void reopenConversation(id)}
          >
            <Icon name="reopen" />
            {t('actions.reopen')}
          </button>
        )
      ) : (
        <button
          type="button"
          className="button button--primary"
          data-testid="action-close"
          onClick={() => void closeConversation(id)}
        >
          <Icon name="archive" />
          {t('actions.close')}
          <kbd>e</kbd>
        </button>
      )}
    </div>
  );
}

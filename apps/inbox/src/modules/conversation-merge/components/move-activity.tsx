import type { MessageDto } from '@switchboard/contracts';
import { formatFullDateTime, formatMessageStamp } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { openConversation } from '../../conversation/store/conversation-commands';
import { linkedConversation, moveActivityText, type MoveActivity } from '../utils/move-activity';

/** A merge or split in the timeline, with a link to the other conversation. */
export function MoveActivityItem({
  message,
  activity,
}: {
  message: MessageDto;
  activity: MoveActivity;
}) {
  const created = new Date(message.createdAt);
  const other = linkedConversation(activity);
  return (
    <li className="activity" data-testid="timeline-activity" data-activity={activity.type}>
      <span>{moveActivityText(activity)}</span>{' '}
      <button
        type="button"
        className="link-button"
        data-testid="activity-open-linked"
        onClick={() => openConversation(other.id)}
      >
        {t('activity.open_linked', { number: other.number })}
      </button>
      <time dateTime={message.createdAt} title={formatFullDateTime(created)}>
        {formatMessageStamp(created)}
      </time>
    </li>
  );
}

import type { ConversationSummaryDto } from '@switchboard/contracts';
import { formatUpcoming } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { ChannelIcon } from '../../../shared/ui/channel-icon';
import { contactName } from '../../../shared/text/contact-name';
import { displayText } from '../../../shared/text/display-text';
import { Icon } from '../../../shared/ui/icons';
import { useFeedStore } from '../../feed/store/feed-store';
import { AssignmentControls } from '../../assignment/components/assignment-controls';
import { TagEditor } from '../../tags/components/tag-editor';
import { ConversationTasks } from '../../tasks/components/conversation-tasks';
import { openConversation } from '../store/conversation-commands';
import { MergeAction } from '../../conversation-merge/components/merge-action';
import { ContactIdentity } from './contact-identity';
import { ConversationActions } from './conversation-actions';
import { ReplyWindowCountdown } from './reply-window-countdown';
import { PriorityPicker } from '../../priority/components/priority-picker';
import { SlaCountdownBadge } from '../../sla/components/sla-countdown';
import { InboxHoursChip } from '../../business-hours/components/inbox-hours-chip';
import { ConversationTime } from '../../time-tracking/components/conversation-time';
import { ConversationRating } from '../../csat/components/conversation-rating';

export function ConversationHeader({ conversation: c }: { conversation: ConversationSummaryDto }) {
  const inbox = useFeedStore((s) => s.inboxes.find((i) => i.id === c.inboxId));
  const name = contactName(c.contact);
  const subject = c.subject ? displayText(c.subject) : '';
  const statusText =
    c.status === 'snoozed' && c.snoozedUntil
      ? t('conversation.status.snoozed', { time: formatUpcoming(new Date(c.snoozedUntil)) })
      : t(`conversation.status.${c.status}`);

  return (
    <header className="conversation-header">
      <button
        type="button"
        className="icon-button conversation-header__back"
        onClick={() => openConversation(null)}
      >
        <Icon name="back" className="flip-rtl" />
        <span className="visually-hidden">{t('conversation.back')}</span>
      </button>
      <div className="conversation-header__who">
        <h2 className="conversation-header__name" data-testid="conversation-name">
          <bdi>{name}</bdi>
        </h2>
        {subject && (
          <p
            className="conversation-header__subject"
            dir="auto"
            title={subject}
            data-testid="conversation-subject"
          >
            {subject}
          </p>
        )}
        <div className="conversation-header__meta">
          <ChannelIcon channel={c.channel} size={14} />
          <span>{inbox ? displayText(inbox.name) : t(`channel.${c.channel}`)}</span>
          <span aria-hidden="true">·</span>
          <span>#{c.number}</span>
          <span
            className={`status-chip status-chip--${c.status}`}
            data-testid="conversation-status"
            data-status={c.status}
          >
            {statusText}
          </span>
          <ReplyWindowCountdown key={c.id} conversation={c} />
          <SlaCountdownBadge sla={c.sla} />
          <InboxHoursChip inboxId={c.inboxId} />
          <ConversationRating conversationId={c.id} />
          <PriorityPicker key={`priority-${c.id}`} conversation={c} />
          <ContactIdentity conversationId={c.id} inboxId={c.inboxId} />
          <MergeAction conversation={c} />
        </div>
        <TagEditor conversation={c} />
        <ConversationTasks conversation={c} />
        <ConversationTime key={`time-${c.id}`} conversationId={c.id} />
      </div>
      <AssignmentControls conversation={c} />
      <ConversationActions conversation={c} />
    </header>
  );
}

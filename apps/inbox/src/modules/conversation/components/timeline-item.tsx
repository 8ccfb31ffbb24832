import type { MessageDto } from '@switchboard/contracts';
import { memo } from 'react';
import { formatFullDateTime, formatMessageStamp } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { ChannelIcon } from '../../../shared/ui/channel-icon';
import { displayName } from '../../../shared/text/display-text';
import { Icon } from '../../../shared/ui/icons';
import { AttachmentList } from '../../composer/components/attachment-list';
import { canReplyTo } from '../../composer/utils/reply-to';
import { activityText } from '../utils/activity-text';
import { withInlineImages } from '../utils/inline-images';
import { MoveActivityItem } from '../../conversation-merge/components/move-activity';
import { SplitAction } from '../../conversation-merge/components/split-action';
import { isMoveActivity } from '../../conversation-merge/utils/move-activity';
import { MentionText } from '../../mentions/components/mention-text';
import { CreateTaskAction } from '../../tasks/components/create-task-action';
import { TurnIntoArticleAction } from '../../knowledge-base/components/turn-into-article-action';
import { DeliveryStatus } from './delivery-status';
import { UndoSendLine } from '../../undo-send/components/undo-send-line';
import { EmailFrame } from './email-frame';
import { EmailRecipientsLine } from '../../email-replies/components/email-recipients-line';
import { SourcePageLine } from '../../webchat/components/source-page-line';
import {
  AutomatedBadge,
  EditedMark,
  ReplyAction,
  ReplyQuote,
  TemplateBadge,
} from './message-extras';

export const TimelineItem = memo(function TimelineItem({ message }: { message: MessageDto }) {
  const created = new Date(message.createdAt);
  if (message.kind === 'activity') {
    // Merges and splits link to the other conversation.
    if (isMoveActivity(message.activity))
      return <MoveActivityItem message={message} activity={message.activity} />;
    return (
      <li className="activity" data-testid="timeline-activity">
        <span>{message.activity ? activityText(message.activity) : message.text}</span>
        <time dateTime={message.createdAt} title={formatFullDateTime(created)}>
          {formatMessageStamp(created)}
        </time>
      </li>
    );
  }

  const side = message.direction === 'outgoing' ? 'out' : 'in';
  // Images the email shows in its body (`cid:`) are not listed again below it.
  const email = message.html ? withInlineImages(message.html, message.attachments) : null;
  const files = email?.inlined.size
    ? message.attachments.filter((a) => !email.inlined.has(a.id))
    : message.attachments;
  // An automatic message (an acknowledgement, a rule's greeting) has no author to name.
  const unnamed = message.sender.type === 'system' && !message.sender.name;
  const sender = unnamed
    ? t('conversation.sender.system')
    : displayName(message.sender.name, t('feed.row.unknown_contact'));
  return (
    <li
      className={`message message--${side} message--${message.kind}`}
      data-testid="timeline-message"
      data-message-id={message.id}
      data-kind={message.kind}
    >
      <div className="message__meta">
        {!unnamed && (
          <span className="message__sender">
            <bdi>{sender}</bdi>
          </span>
        )}
        {/* Who wrote it, always: a customer may well call themselves "Support Team". */}
        <span className="message__kind" data-testid="sender-kind" data-kind={message.sender.type}>
          {t(`conversation.sender.${message.sender.type}`)}
        </span>
        {message.kind === 'note' ? (
          <span className="message__note-label">
            <Icon name="note" size={12} />
            {t('conversation.note')}
          </span>
        ) : (
          <span className="message__channel">
            <ChannelIcon channel={message.channel} size={12} />
            {t('conversation.via', { channel: t(`channel.${message.channel}`) })}
          </span>
        )}
        <time dateTime={message.createdAt} title={formatFullDateTime(created)}>
          {formatMessageStamp(created)}
        </time>
        {message.editedAt && <EditedMark editedAt={message.editedAt} />}
        {message.template && <TemplateBadge />}
        {message.automated && <AutomatedBadge />}
      </div>
      <div className="message__bubble">
        {message.emailRecipients && <EmailRecipientsLine recipients={message.emailRecipients} />}
        {message.replyTo && <ReplyQuote replyTo={message.replyTo} />}
        {email ? (
          <EmailFrame messageId={message.id} html={email.html} sender={sender} />
        ) : message.text || files.length === 0 ? (
          <p className="message__text" dir="auto">
            {message.kind === 'note' && message.mentions?.length ? (
              <MentionText text={message.text ?? ''} mentions={message.mentions} />
            ) : (
              message.text
            )}
          </p>
        ) : null}
        <AttachmentList attachments={files} />
      </div>
      {message.sourcePage && <SourcePageLine page={message.sourcePage} />}
      <div className="message__actions" data-testid="message-actions">
        {canReplyTo(message) && <ReplyAction message={message} sender={sender} />}
        <CreateTaskAction message={message} />
        <TurnIntoArticleAction message={message} />
        <SplitAction message={message} />
      </div>
      {side === 'out' &&
        (message.undoUntil ? (
          <UndoSendLine message={message} />
        ) : (
          <DeliveryStatus message={message} />
        ))}
    </li>
  );
});

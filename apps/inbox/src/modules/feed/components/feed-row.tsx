import type { ConversationSummaryDto } from '@switchboard/contracts';
import { memo } from 'react';
import { formatListStamp, formatUpcoming } from '../../../i18n/format';
import { t, tp } from '../../../i18n/i18n';
import { ChannelIcon } from '../../../shared/ui/channel-icon';
import { contactName } from '../../../shared/text/contact-name';
import { displayText } from '../../../shared/text/display-text';
import { Icon } from '../../../shared/ui/icons';
import { TagChip } from '../../tags/components/tag-chip';
import { SearchSnippet } from '../../search/components/search-snippet';
import { focusSearchMatch } from '../../search/store/search-commands';
import { PriorityBadge } from '../../priority/components/priority-badge';
import { SlaCountdownBadge } from '../../sla/components/sla-countdown';

interface FeedRowProps {
  conversation: ConversationSummaryDto;
  selected: boolean;
  onOpen: (id: string) => void;
}

export const FeedRow = memo(function FeedRow({ conversation: c, selected, onOpen }: FeedRowProps) {
  const name = contactName(c.contact);
  const unread = c.unreadCount > 0;
  const preview = displayText(c.lastMessagePreview ?? '') || t('feed.row.no_preview');
  // Email conversations have a subject: a line of its own, the whole of it on hover.
  const subject = c.subject ? displayText(c.subject) : '';
  return (
    <button
      type="button"
      className="feed-row"
      data-testid="feed-row"
      data-conversation-id={c.id}
      data-unread={unread || undefined}
      aria-current={selected || undefined}
      onClick={() => {
        // A search result opens at the message that matched.
        focusSearchMatch(c);
        onOpen(c.id);
      }}
    >
      <ChannelIcon channel={c.channel} />
      <span className="feed-row__body">
        <span className="feed-row__top">
          <span className="feed-row__name">
            <bdi>{name}</bdi>
          </span>
          <time className="feed-row__time" dateTime={c.lastActivityAt}>
            {formatListStamp(new Date(c.lastActivityAt))}
          </time>
        </span>
        {subject && (
          <span
            className="feed-row__subject"
            dir="auto"
            title={subject}
            data-testid="feed-row-subject"
          >
            {subject}
          </span>
        )}
        <span className="feed-row__bottom">
          {c.match ? (
            <span className="feed-row__preview">
              <SearchSnippet match={c.match} />
            </span>
          ) : (
            <span className="feed-row__preview" dir="auto">
              {c.lastMessageDirection === 'outgoing' && (
                <span className="feed-row__you">{t('feed.row.you')}</span>
              )}
              {preview}
            </span>
          )}
          {/* Beside the preview, not the name: a long name stays readable. */}
          <PriorityBadge priority={c.priority} />
          <SlaCountdownBadge sla={c.sla} />
          {c.status === 'snoozed' && c.snoozedUntil && (
            <span className="chip chip--snooze" data-testid="snoozed-until">
              <Icon name="snooze" size={12} />
              {t('feed.row.snoozed_until', { time: formatUpcoming(new Date(c.snoozedUntil)) })}
            </span>
          )}
          {c.tags.length > 0 && (
            <span className="tag-list feed-row__tags">
              {c.tags.map((tag) => (
                <TagChip key={tag.id} tag={tag} />
              ))}
            </span>
          )}
          {unread && (
            <span className="unread-badge" aria-label={tp('feed.row.unread', c.unreadCount)}>
              {c.unreadCount > 99 ? '99+' : c.unreadCount}
            </span>
          )}
        </span>
      </span>
    </button>
  );
});

import type { AssigneeFilter, ChannelKind, ConversationStatus } from '@switchboard/contracts';

export interface FeedFilters {
  status: ConversationStatus;
  assignee: AssigneeFilter;
  inboxId: string | null;
  channel: ChannelKind | null;
  /** The search box's text without its `#tags` (contact, subject, preview, #number). */
  q: string | null;
  /** The search box's `#tags` (or a clicked tag chip): every one must be on the conversation. */
  tags: string[];
}

export const FEED_TABS: readonly ConversationStatus[] = ['open', 'snoozed', 'closed'];
export const ASSIGNEE_OPTIONS: readonly AssigneeFilter[] = ['mine', 'team', 'unassigned', 'all'];

export const DEFAULT_FILTERS: FeedFilters = {
  status: 'open',
  assignee: 'all',
  inboxId: null,
  channel: null,
  q: null,
  tags: [],
};

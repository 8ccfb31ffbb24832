import type { AssigneeFilter, ChannelKind, ConversationStatus } from '@switchboard/contracts';

export interface FeedFilters {
  status: ConversationStatus;
  assignee: AssigneeFilter;
  inboxId: string | null;
  channel: ChannelKind | null;
}

export const FEED_TABS: readonly ConversationStatus[] = ['open', 'snoozed', 'closed'];
export const ASSIGNEE_OPTIONS: readonly AssigneeFilter[] = ['mine', 'unassigned', 'all'];

export const DEFAULT_FILTERS: FeedFilters = {
  status: 'open',
  assignee: 'all',
  inboxId: null,
  channel: null,
};

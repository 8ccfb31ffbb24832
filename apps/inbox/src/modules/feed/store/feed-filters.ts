import type {
  AssigneeFilter,
  ChannelKind,
  ConversationPriority,
  ConversationStatus,
} from '@switchboard/contracts';

/** A status tab, or `all`: every status at once (search over all history). */
export type FeedStatus = ConversationStatus | 'all';

export interface FeedFilters {
  status: FeedStatus;
  assignee: AssigneeFilter;
  inboxId: string | null;
  channel: ChannelKind | null;
  /** The search box's text without its `#tags` (contact, subject, preview, #number). */
  q: string | null;
  /** The search box's `#tags` (or a clicked tag chip): every one must be on the conversation. */
  tags: string[];
  /** Custom contact attribute values (`plan:gold`): the contact must have every one. */
  attrs?: string[];
  /** Last activity from this instant on (ISO), or null. */
  from: string | null;
  /** Last activity before this instant (ISO), or null. */
  to: string | null;
  /** `priority`: most urgent first, then newest activity (modules/priority). */
  sort?: 'priority';
  /** Only these priorities (any of them). */
  priorities?: ConversationPriority[];
  /** Mail sent by machines (auto-replies, bulk, out-of-office): hide it, or show only it. */
  automated?: 'hide' | 'only';
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
  from: null,
  to: null,
};

import {
  parseSearchQuery,
  type ConversationCountsDto,
  type ConversationSummaryDto,
  type InboxDto,
} from '@switchboard/contracts';
import { create } from 'zustand';
import { withPendingStatus } from '../../conversation/store/pending-status';
import { snapshotCursor } from '../../realtime/store/stream-store';
import { conversationsApi } from '../api/conversations-api';
import {
  compareConversations,
  matchesFilters,
  placeInOrder,
  sortIds,
} from '../utils/feed-ordering';
import { cancelDueSnoozeLook, refreshSnoozedPane, scheduleDueSnoozeLook } from './due-snooze-look';
import { DEFAULT_FILTERS, type FeedFilters } from './feed-filters';
import { t } from '../../../i18n/i18n';
import { errorText, invalidFields } from '../../../shared/api/error-text';
import { ApiError } from '../../../shared/api/http-client';

export const FEED_PAGE_SIZE = 50;
/** Later pages are bigger: the operator is scrolling through history, fewer round trips. */
export const FEED_MORE_PAGE_SIZE = 100;

type Phase = 'idle' | 'loading' | 'ready' | 'error';

export interface FeedState {
  filters: FeedFilters;
  meId: string | null;
  byId: Record<string, ConversationSummaryDto>;
  /** Ids in display order (newest activity first). */
  order: string[];
  nextCursor: string | null;
  hasMore: boolean;
  phase: Phase;
  loadingMore: boolean;
  error: string | null;
  counts: ConversationCountsDto | null;
  inboxes: InboxDto[];
  /**
   * Stream cursor of the last event that touched each conversation (kept after it leaves the feed).
   * A REST snapshot taken before that cursor is older than what we know and must not overwrite it.
   */
  touched: Record<string, number>;
  /** Bumped on every filter change so responses for old filters are dropped. */
  generation: number;
  /** Bumped each time a counted snooze falls due: other counts on screen (saved views) look too. */
  dueLooks: number;

  setMe: (id: string | null) => void;
  setFilters: (patch: Partial<FeedFilters>) => void;
  loadFirstPage: () => Promise<void>;
  loadMore: () => Promise<void>;
  refreshCounts: () => Promise<void>;
  /** A counted snooze has fallen due: its conversation is open now, in this feed or another. */
  lookAtDueSnoozes: () => Promise<void>;
  /** The first page again, merged into what is loaded (the snoozed tab: replaced); the counts. */
  mergeFirstPage: () => Promise<void>;
  loadInboxes: () => Promise<void>;
  /** A stream event carried this summary at `cursor`. */
  applyEvent: (conversation: ConversationSummaryDto, cursor: number) => void;
  /** A REST response carried this summary; it was current as of stream cursor `since`. */
  applySnapshot: (conversation: ConversationSummaryDto, since: number) => void;
  reset: () => void;
}

/**
 * A refused search says why in the operator's language: the server refuses `q` with the reason
 * the shared parser gives, and the same parser here names the problem.
 */
function errorMessage(error: unknown, q: string | null): string {
  if (error instanceof ApiError && q && invalidFields(error).includes('q')) {
    const parsed = parseSearchQuery(q);
    if (!parsed.ok) return t(`search.invalid.${parsed.problem}`, { max: parsed.limit ?? 0 });
  }
  return errorText(error);
}

function upsert(state: FeedState, update: ConversationSummaryDto): Partial<FeedState> {
  const present = update.id in state.byId;
  // Contact attributes are not on a summary: with that filter, only what the server listed matches.
  if (state.filters.attrs?.length && !present) return {};
  // A search result keeps the message that matched when a live update (which has none) arrives.
  const match = update.match ?? state.byId[update.id]?.match;
  const conversation = match ? { ...update, match } : update;
  if (!matchesFilters(conversation, state.filters, state.meId, present)) {
    if (!present) return {};
    const byId = { ...state.byId };
    delete byId[conversation.id];
    return { byId, order: state.order.filter((id) => id !== conversation.id) };
  }
  const byId = { ...state.byId, [conversation.id]: conversation };
  return {
    byId,
    order: placeInOrder(state.order, byId, conversation, state.filters.sort === 'priority'),
  };
}

const initial = {
  filters: DEFAULT_FILTERS,
  meId: null,
  byId: {},
  order: [],
  nextCursor: null,
  hasMore: false,
  phase: 'idle' as Phase,
  loadingMore: false,
  error: null,
  counts: null,
  inboxes: [],
  touched: {},
  generation: 0,
  dueLooks: 0,
};

export const useFeedStore = create<FeedState>((set, get) => ({
  ...initial,

  setMe: (meId) => set({ meId }),

  setFilters: (patch) => {
    const filters = { ...get().filters, ...patch };
    set({
      filters,
      byId: {},
      order: [],
      nextCursor: null,
      hasMore: false,
      generation: get().generation + 1,
    });
    void get().loadFirstPage();
    void get().refreshCounts();
  },

  loadFirstPage: async () => {
    const generation = get().generation + 1;
    const since = snapshotCursor();
    set({ generation, phase: get().order.length ? get().phase : 'loading', error: null });
    try {
      const page = await conversationsApi.list(get().filters, null, FEED_PAGE_SIZE);
      const state = get();
      if (state.generation !== generation) return;
      const byId: Record<string, ConversationSummaryDto> = {};
      // What the stream told us after the snapshot was taken stays; the rest is replaced.
      for (const id of state.order) {
        const known = state.byId[id];
        if (known && (state.touched[id] ?? -1) > since) byId[id] = known;
      }
      for (const raw of page.items) {
        if ((state.touched[raw.id] ?? -1) > since) continue;
        const item = withPendingStatus(raw, 'snapshot');
        // The server matched the search text (messages the row does not show): `listed`.
        if (matchesFilters(item, state.filters, state.meId, true)) byId[item.id] = item;
      }
      set({
        byId,
        order: sortIds(byId, state.filters.sort === 'priority'),
        nextCursor: page.nextCursor,
        hasMore: page.nextCursor !== null,
        phase: 'ready',
        loadingMore: false,
      });
    } catch (error) {
      if (get().generation === generation)
        set({ phase: 'error', error: errorMessage(error, get().filters.q) });
    }
  },

  loadMore: async () => {
    const start = get();
    if (!start.hasMore || start.loadingMore || start.phase !== 'ready' || !start.nextCursor) return;
    const { generation } = start;
    const since = snapshotCursor();
    set({ loadingMore: true });
    try {
      const page = await conversationsApi.list(
        start.filters,
        start.nextCursor,
        FEED_MORE_PAGE_SIZE,
      );
      if (get().generation !== generation) return;
      const state = get();
      const byId = { ...state.byId };
      const added: ConversationSummaryDto[] = [];
      for (const raw of page.items) {
        if ((state.touched[raw.id] ?? -1) > since) continue;
        const item = withPendingStatus(raw, 'snapshot');
        if (!matchesFilters(item, state.filters, state.meId, true)) continue;
        if (!(item.id in byId)) added.push(item);
        byId[item.id] = item;
      }
      const byPriority = state.filters.sort === 'priority';
      // One state change per page: keyset pages are older than what is loaded, so they append;
      // only a page that overlaps live updates needs a full sort.
      const last = state.order.length
        ? byId[state.order[state.order.length - 1] as string]
        : undefined;
      const appendable =
        added.length === page.items.length &&
        added.every((item, i) =>
          i === 0
            ? !last || compareConversations(last, item, byPriority) < 0
            : compareConversations(added[i - 1] as ConversationSummaryDto, item, byPriority) < 0,
        );
      const order = appendable
        ? state.order.concat(added.map((c) => c.id))
        : sortIds(byId, byPriority);
      set({
        byId,
        order,
        nextCursor: page.nextCursor,
        hasMore: page.nextCursor !== null,
        loadingMore: false,
      });
    } catch (error) {
      if (get().generation === generation)
        set({ loadingMore: false, error: errorMessage(error, get().filters.q) });
    }
  },

  refreshCounts: async () => {
    const { status: _status, ...query } = get().filters;
    try {
      const counts = await conversationsApi.counts(query);
      const { status: _now, ...now } = get().filters;
      if (JSON.stringify(now) !== JSON.stringify(query)) return;
      set({ counts });
      scheduleDueSnoozeLook(counts.nextSnoozeDueInMs, () => void get().lookAtDueSnoozes());
    } catch {
      // Counts are decoration; the next event or resync refreshes them.
    }
  },

  lookAtDueSnoozes: async () => {
    set({ dueLooks: get().dueLooks + 1 });
    const pane = refreshSnoozedPane((id) => get().touched[id] ?? -1);
    await get().mergeFirstPage();
    await pane;
  },

  mergeFirstPage: async () => {
    const start = get();
    // The snoozed tab drops what fell due: a fresh first page (that tab is short).
    if (start.filters.status === 'snoozed' || start.phase !== 'ready') {
      await Promise.all([get().loadFirstPage(), get().refreshCounts()]);
      return;
    }
    if (start.filters.status === 'closed') return get().refreshCounts();
    // The open feed gains them at the top: merged into what is loaded, the scroll kept.
    const since = snapshotCursor();
    const [page] = await Promise.all([
      conversationsApi.list(start.filters, null, FEED_PAGE_SIZE).catch(() => null),
      get().refreshCounts(),
    ]);
    if (!page || get().generation !== start.generation) return;
    let state = get();
    for (const raw of page.items) {
      if ((state.touched[raw.id] ?? -1) > since) continue;
      state = { ...state, ...upsert(state, withPendingStatus(raw, 'snapshot')) };
    }
    set({ byId: state.byId, order: state.order });
  },

  loadInboxes: async () => {
    try {
      set({ inboxes: await conversationsApi.inboxes() });
    } catch {
      set({ inboxes: [] });
    }
  },

  applyEvent: (conversation, cursor) => {
    const state = get();
    set({
      ...upsert(state, withPendingStatus(conversation, 'event')),
      touched: { ...state.touched, [conversation.id]: cursor },
    });
  },

  applySnapshot: (conversation, since) => {
    const state = get();
    if ((state.touched[conversation.id] ?? -1) > since) return;
    set(upsert(state, withPendingStatus(conversation, 'snapshot')));
  },

  reset: () => {
    cancelDueSnoozeLook();
    set({ ...initial, generation: get().generation + 1 });
  },
}));

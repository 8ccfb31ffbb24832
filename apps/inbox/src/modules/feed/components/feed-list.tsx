import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { t } from '../../../i18n/i18n';
import { contactName } from '../../../shared/text/contact-name';
import { RowSelectCheckbox } from '../../assignment/components/row-select-checkbox';
import { openConversation } from '../../conversation/store/conversation-commands';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { useFeedStore } from '../store/feed-store';
import { FeedEmpty } from './feed-empty';
import { FeedRow } from './feed-row';

export const FEED_ROW_HEIGHT = 72;
/** Start fetching the next keyset page this many rows before the end. */
const PREFETCH_ROWS = 15;

/**
 * How far the rows in view moved (down: positive) between two orders: rows inserted above push
 * them down, rows removed above pull them up. A row that jumped up because of new activity is not
 * a reference; the first visible row that did not jump is.
 */
export function rowsInsertedAbove(
  before: readonly string[],
  after: readonly string[],
  firstVisible: number,
): number {
  const present = new Set(after);
  let removedAbove = 0;
  for (let i = 0; i < firstVisible && i < before.length; i++) {
    if (!present.has(before[i] as string)) removedAbove++;
  }
  for (let k = 0; k < 20; k++) {
    const id = before[firstVisible + k];
    if (id === undefined) return 0;
    const now = after.indexOf(id);
    if (now < 0) continue;
    const moved = now - (firstVisible + k);
    if (moved >= -removedAbove) return moved;
  }
  return 0;
}

/** The conversation list: only the visible rows are in the DOM, so 10 000 rows scroll smoothly. */
export function FeedList() {
  const order = useFeedStore((s) => s.order);
  const byId = useFeedStore((s) => s.byId);
  const phase = useFeedStore((s) => s.phase);
  const error = useFeedStore((s) => s.error);
  const hasMore = useFeedStore((s) => s.hasMore);
  const loadingMore = useFeedStore((s) => s.loadingMore);
  const selectedId = useConversationStore((s) => s.selectedId);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => FEED_ROW_HEIGHT,
    overscan: 10,
    getItemKey: (index) => order[index] ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= order.length - PREFETCH_ROWS)
      void useFeedStore.getState().loadMore();
  }, [lastIndex, order.length, hasMore, loadingMore]);

  // Keyboard navigation moves the selection; keep it on screen. Only when the selection changes:
  // a live update must not pull the list away from where the operator scrolled.
  const orderRef = useRef(order);
  orderRef.current = order;
  useEffect(() => {
    if (!selectedId) return;
    const index = orderRef.current.indexOf(selectedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedId, virtualizer]);

  // Rows arriving above the viewport (live updates) would push what the operator reads down;
  // shift the scroll position by the same amount so the visible rows stay put.
  const previousOrder = useRef(order);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const before = previousOrder.current;
    previousOrder.current = order;
    if (!el || el.scrollTop === 0 || before === order) return;
    const shift = rowsInsertedAbove(before, order, Math.floor(el.scrollTop / FEED_ROW_HEIGHT));
    if (shift !== 0) el.scrollTop += shift * FEED_ROW_HEIGHT;
  }, [order]);

  if (phase === 'loading' && order.length === 0) {
    return (
      <div className="feed-state" aria-busy="true">
        {t('feed.loading')}
      </div>
    );
  }
  if (phase === 'error' && order.length === 0) {
    return (
      <div className="feed-state" role="alert">
        <p>{t('feed.error', { message: error ?? '' })}</p>
        <button
          type="button"
          className="button"
          onClick={() => void useFeedStore.getState().loadFirstPage()}
        >
          {t('feed.retry')}
        </button>
      </div>
    );
  }
  if (order.length === 0) return <FeedEmpty />;

  return (
    <div
      ref={scrollRef}
      className="feed-list"
      data-testid="feed-list"
      aria-label={t('feed.list.label')}
      role="list"
    >
      <div className="feed-list__inner" style={{ blockSize: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const id = order[item.index] as string;
          const conversation = byId[id];
          if (!conversation) return null;
          return (
            <div
              key={item.key}
              role="listitem"
              className="feed-list__item feed-list__item--selectable"
              style={{ blockSize: item.size, transform: `translateY(${item.start}px)` }}
            >
              <RowSelectCheckbox conversationId={id} name={contactName(conversation.contact)} />
              <FeedRow
                conversation={conversation}
                selected={id === selectedId}
                onOpen={openConversation}
              />
            </div>
          );
        })}
      </div>
      {loadingMore && <div className="feed-list__more">{t('feed.loading_more')}</div>}
    </div>
  );
}

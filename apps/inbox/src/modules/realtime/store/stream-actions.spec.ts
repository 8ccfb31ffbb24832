import type { NotificationDto } from '@switchboard/contracts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  conversation,
  conversationUpdated,
  fakeFetch,
  message,
  messageCreated,
} from '../../../test-support/fixtures';
import { useAuthStore } from '../../auth/store/auth-store';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { useFeedStore } from '../../feed/store/feed-store';
import { useNotificationsStore } from '../../notifications/store/notifications-store';
import { applyStreamEvent } from './stream-actions';
import { useStreamStore } from './stream-store';

const counts = { open: 0, snoozed: 0, closed: 0 };

beforeEach(() => {
  vi.stubGlobal('fetch', fakeFetch({ '/api/conversations/counts': () => counts }));
  useStreamStore.getState().clear();
  useFeedStore.getState().reset();
  useFeedStore.setState({ phase: 'ready' });
  useConversationStore.getState().reset();
  useNotificationsStore.getState().reset();
  useAuthStore.setState({
    operator: {
      id: 'me',
      email: 'me@example.test',
      name: 'Me',
      role: 'agent',
      timezone: 'UTC',
      locale: 'en',
    },
  });
});

const feedOrder = () => useFeedStore.getState().order;

describe('applyStreamEvent', () => {
  it('moves the conversation with the newest activity to the top of the feed', () => {
    const a = conversation({ lastActivityAt: '2026-03-04T10:00:00.000Z' });
    const b = conversation({ lastActivityAt: '2026-03-04T10:01:00.000Z' });
    applyStreamEvent(conversationUpdated(1, a));
    applyStreamEvent(conversationUpdated(2, b));
    expect(feedOrder()).toEqual([b.id, a.id]);

    const newer = { ...a, lastActivityAt: '2026-03-04T10:05:00.000Z', lastMessagePreview: 'Again' };
    applyStreamEvent(messageCreated(3, message({ conversationId: a.id }), newer));
    expect(feedOrder()).toEqual([a.id, b.id]);
    expect(useFeedStore.getState().byId[a.id]?.lastMessagePreview).toBe('Again');
  });

  it('ignores events at or below the last applied cursor (replays after a reconnect)', () => {
    const a = conversation();
    expect(applyStreamEvent(conversationUpdated(5, a))).toBe(true);
    expect(applyStreamEvent(conversationUpdated(5, { ...a, status: 'closed' }))).toBe(false);
    expect(applyStreamEvent(conversationUpdated(4, { ...a, status: 'closed' }))).toBe(false);
    expect(feedOrder()).toEqual([a.id]);
    expect(useStreamStore.getState().lastCursor).toBe(5);
  });

  it('removes a conversation from the open feed as soon as it is closed or snoozed', () => {
    const a = conversation();
    const b = conversation();
    applyStreamEvent(conversationUpdated(1, a));
    applyStreamEvent(conversationUpdated(2, b));
    applyStreamEvent(conversationUpdated(3, { ...a, status: 'closed' }));
    applyStreamEvent(
      conversationUpdated(4, { ...b, status: 'snoozed', snoozedUntil: '2026-03-05T09:00:00.000Z' }),
    );
    expect(feedOrder()).toEqual([]);
  });

  it('respects the "mine" filter', () => {
    useFeedStore.setState({
      filters: { ...useFeedStore.getState().filters, assignee: 'mine' },
      meId: 'me',
    });
    const mine = conversation({ assigneeId: 'me' });
    const theirs = conversation({ assigneeId: 'someone-else' });
    applyStreamEvent(conversationUpdated(1, mine));
    applyStreamEvent(conversationUpdated(2, theirs));
    expect(feedOrder()).toEqual([mine.id]);
  });

  it('appends new messages to an open thread once, even when delivered twice', () => {
    const c = conversation({ id: 'c-1' });
    useConversationStore.setState({
      threads: {
        'c-1': {
          messages: [],
          olderCursor: null,
          hasOlder: false,
          loadingOlder: false,
          phase: 'ready',
          error: null,
        },
      },
    });
    const m = message({ id: 'm-1', conversationId: 'c-1' });
    applyStreamEvent(messageCreated(1, m, c));
    applyStreamEvent(messageCreated(1, m, c));
    applyStreamEvent({
      cursor: 2,
      type: 'message.updated',
      conversationId: 'c-1',
      at: m.createdAt,
      payload: { message: { ...m, deliveryStatus: 'read' } },
    });
    const thread = useConversationStore.getState().threads['c-1'];
    expect(thread?.messages.map((x) => [x.id, x.deliveryStatus])).toEqual([['m-1', 'read']]);
  });

  it('alerts on a customer message itself only while the conversation is unassigned', () => {
    const unassigned = conversation({ assigneeId: null });
    const mine = conversation({ assigneeId: 'me' });
    const theirs = conversation({ assigneeId: 'someone-else' });
    applyStreamEvent(messageCreated(1, message({ conversationId: unassigned.id }), unassigned));
    // Assigned: the server stored a notification for the assignee and participants instead.
    applyStreamEvent(messageCreated(2, message({ conversationId: mine.id }), mine));
    applyStreamEvent(messageCreated(3, message({ conversationId: theirs.id }), theirs));
    applyStreamEvent(
      messageCreated(
        4,
        message({
          conversationId: unassigned.id,
          direction: 'outgoing',
          sender: { type: 'operator', id: 'me', name: 'Me' },
        }),
        unassigned,
      ),
    );
    expect(useNotificationsStore.getState().unread).toEqual({ [unassigned.id]: true });
  });

  it('alerts once when a stored notification announced the customer message', () => {
    const c = conversation({ assigneeId: null });
    const stored = (cursor: number, operatorId: string) =>
      ({
        cursor,
        type: 'notification.created',
        conversationId: c.id,
        at: c.lastActivityAt,
        payload: {
          notification: {
            id: `n-${cursor}`,
            operatorId,
            type: 'customer_message',
            conversationId: c.id,
            createdAt: c.lastActivityAt,
            readAt: null,
          },
          conversation: c,
        },
      }) as const;
    const notify = vi.spyOn(useNotificationsStore.getState(), 'notify');
    // A participant of an unassigned conversation: the stored notification, then the message.
    applyStreamEvent(stored(1, 'me'));
    applyStreamEvent(messageCreated(2, message({ id: 'm-2', conversationId: c.id }), c));
    expect(notify).toHaveBeenCalledTimes(1);
    // The next message without a stored notification for me alerts as before.
    applyStreamEvent(stored(3, 'someone-else'));
    applyStreamEvent(messageCreated(4, message({ id: 'm-4', conversationId: c.id }), c));
    expect(notify).toHaveBeenCalledTimes(2);
    notify.mockRestore();
  });

  it('notifies only about notifications addressed to this operator', () => {
    const c = conversation({
      contact: { id: 'x', name: 'Олена', handle: null },
      lastMessagePreview: 'Привіт',
    });
    const notification = (operatorId: string, id: string): NotificationDto => ({
      id,
      operatorId,
      type: 'unsnoozed_by_customer',
      conversationId: c.id,
      createdAt: c.lastActivityAt,
      readAt: null,
    });
    const event = (cursor: number, n: NotificationDto) =>
      ({
        cursor,
        type: 'notification.created',
        conversationId: c.id,
        at: c.lastActivityAt,
        payload: { notification: n, conversation: c },
      }) as const;
    applyStreamEvent(event(1, notification('someone-else', 'n-1')));
    expect(useNotificationsStore.getState().unread).toEqual({});
    applyStreamEvent(event(2, notification('me', 'n-2')));
    expect(useNotificationsStore.getState().unread).toEqual({ [c.id]: true });
    expect(useNotificationsStore.getState().lastShown?.title).toBe(
      'Олена wrote in a snoozed conversation',
    );
  });
});

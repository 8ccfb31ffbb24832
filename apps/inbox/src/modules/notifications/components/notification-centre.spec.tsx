import type {
  NotificationCountDto,
  NotificationItemDto,
  Page,
  StreamEvent,
} from '@switchboard/contracts';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conversation } from '../../../test-support/fixtures';
import { useAuthStore } from '../../auth/store/auth-store';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { applyStreamEvent } from '../../realtime/store/stream-actions';
import { useNotificationCentreStore } from '../store/notification-centre-store';
import { NotificationCentre } from './notification-centre';

const item = (id: string, name: string, readAt: string | null = null): NotificationItemDto => {
  const c = conversation({ id: `c-${id}`, contact: { id: `k-${id}`, name, handle: null } });
  return {
    id,
    operatorId: 'me',
    type: 'assigned',
    conversationId: c.id,
    createdAt: '2026-11-01T10:00:00.000Z',
    readAt,
    conversation: c,
  };
};

let unread = 2;
const requests: Array<{ url: string; body: unknown }> = [];

beforeEach(() => {
  unread = 2;
  requests.length = 0;
  useAuthStore.setState({ operator: { id: 'me' } as never });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const body: unknown = init?.body ? JSON.parse(String(init.body)) : null;
      requests.push({ url, body });
      if (url.includes('/unread-count'))
        return new Response(JSON.stringify({ unread } satisfies NotificationCountDto));
      if (url.includes('/read')) {
        unread = (body as { all?: true }).all ? 0 : unread - 1;
        return new Response(JSON.stringify({ unread } satisfies NotificationCountDto));
      }
      const page: Page<NotificationItemDto> = {
        items: [
          item('n-1', 'Jane'),
          item('n-2', 'Олена'),
          item('n-3', 'Old', '2026-10-01T00:00:00.000Z'),
        ],
        nextCursor: null,
      };
      return new Response(JSON.stringify(page));
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  useNotificationCentreStore.getState().reset();
});

describe('NotificationCentre', () => {
  it('shows the server’s unread count, lists notifications and opens one as read', async () => {
    render(<NotificationCentre />);
    expect((await screen.findByTestId('notification-count')).textContent).toBe('2');
    fireEvent.click(screen.getByTestId('notification-centre-button'));
    const items = await screen.findAllByTestId('notification-item');
    expect(
      items.map((i) => [i.textContent?.includes('Assigned to you'), i.dataset['unread']]),
    ).toEqual([
      [true, 'true'],
      [true, 'true'],
      [true, undefined],
    ]);
    fireEvent.click(items[1]!);
    expect(useConversationStore.getState().selectedId).toBe('c-n-2');
    await waitFor(() => expect(screen.getByTestId('notification-count').textContent).toBe('1'));
    expect(requests.find((r) => r.url.includes('/read'))?.body).toEqual({ ids: ['n-2'] });
  });

  it('goes away when the operator presses anywhere else, not inside itself', async () => {
    render(
      <>
        <NotificationCentre />
        <button type="button">elsewhere</button>
      </>,
    );
    fireEvent.click(screen.getByTestId('notification-centre-button'));
    await screen.findAllByTestId('notification-item');
    fireEvent.pointerDown(screen.getByTestId('notification-panel'));
    expect(screen.queryByTestId('notification-panel')).not.toBeNull();
    fireEvent.pointerDown(screen.getByText('elsewhere'));
    expect(screen.queryByTestId('notification-panel')).toBeNull();
  });

  it('counts a live notification and follows reads made in another tab', async () => {
    render(<NotificationCentre />);
    await screen.findByTestId('notification-count');
    const fresh = item('n-9', 'Live');
    const created = {
      cursor: 1,
      type: 'notification.created',
      conversationId: fresh.conversationId,
      at: fresh.createdAt,
      payload: {
        notification: { ...fresh, conversation: undefined } as never,
        conversation: fresh.conversation,
      },
    } as StreamEvent;
    act(() => applyStreamEvent(created));
    expect(screen.getByTestId('notification-count').textContent).toBe('3');
    // Someone else's notification is not counted here.
    act(() =>
      applyStreamEvent({
        ...created,
        cursor: 2,
        payload: { ...created.payload, notification: { ...fresh, id: 'x', operatorId: 'other' } },
      } as StreamEvent),
    );
    expect(screen.getByTestId('notification-count').textContent).toBe('3');
    unread = 0;
    act(() =>
      applyStreamEvent({
        cursor: 3,
        type: 'notifications.read',
        conversationId: null,
        at: fresh.createdAt,
        payload: { operatorId: 'me', ids: ['n-9'], all: true },
      }),
    );
    await waitFor(() => expect(screen.queryByTestId('notification-count')).toBeNull());
  });

  it('marks everything read from the panel', async () => {
    render(<NotificationCentre />);
    fireEvent.click(screen.getByTestId('notification-centre-button'));
    await screen.findAllByTestId('notification-item');
    fireEvent.click(screen.getByText('Mark all read'));
    await waitFor(() => expect(screen.queryByTestId('notification-count')).toBeNull());
    expect(screen.queryAllByTestId('notification-item').some((i) => i.dataset['unread'])).toBe(
      false,
    );
  });
});

import type {
  ConversationSummaryDto,
  MarkNotificationsReadRequest,
  NotificationDto,
  NotificationItemDto,
} from '@switchboard/contracts';
import { create } from 'zustand';
import { notificationsApi } from '../api/notifications-api';
import { playChime, setSoundEnabled, soundEnabled } from '../utils/notification-sound';

interface NotificationCentreState {
  open: boolean;
  items: NotificationItemDto[];
  nextCursor: string | null;
  /** The server's count of unread notifications, kept live by the stream. */
  unread: number;
  loading: boolean;
  loaded: boolean;
  error: boolean;
  sound: boolean;
  setOpen: (open: boolean) => void;
  load: () => Promise<void>;
  loadMore: () => Promise<void>;
  refreshCount: () => Promise<void>;
  markRead: (selection: MarkNotificationsReadRequest) => Promise<void>;
  /** A conversation was opened: its notifications are read. */
  conversationOpened: (conversationId: string) => void;
  received: (notification: NotificationDto, conversation: ConversationSummaryDto) => void;
  /** Another tab (or this one) marked notifications read. */
  readElsewhere: (ids: string[], all: boolean) => void;
  setSound: (on: boolean) => void;
  reset: () => void;
}

const initial = {
  open: false,
  items: [],
  nextCursor: null,
  unread: 0,
  loading: false,
  loaded: false,
  error: false,
};

export const useNotificationCentreStore = create<NotificationCentreState>((set, get) => ({
  ...initial,
  sound: soundEnabled(),

  setOpen: (open) => {
    set({ open });
    if (open) void get().load();
  },

  load: async () => {
    set({ loading: true, error: false });
    try {
      const [page, count] = await Promise.all([
        notificationsApi.list(null),
        notificationsApi.count(),
      ]);
      set({ items: page.items, nextCursor: page.nextCursor, unread: count.unread, loaded: true });
    } catch {
      set({ error: true });
    } finally {
      set({ loading: false });
    }
  },

  loadMore: async () => {
    const { nextCursor, loading } = get();
    if (!nextCursor || loading) return;
    set({ loading: true });
    try {
      const page = await notificationsApi.list(nextCursor);
      const known = new Set(get().items.map((n) => n.id));
      set((s) => ({
        items: [...s.items, ...page.items.filter((n) => !known.has(n.id))],
        nextCursor: page.nextCursor,
      }));
    } catch {
      set({ error: true });
    } finally {
      set({ loading: false });
    }
  },

  refreshCount: async () => {
    try {
      set({ unread: (await notificationsApi.count()).unread });
    } catch {
      // The next stream event or reload corrects it.
    }
  },

  markRead: async (selection) => {
    const now = new Date().toISOString();
    // Optimistic: the list reads at once; the server's count settles it.
    set((s) => ({
      items: s.items.map((n) =>
        n.readAt === null &&
        (selection.all ||
          selection.ids?.includes(n.id) ||
          selection.conversationId === n.conversationId)
          ? { ...n, readAt: now }
          : n,
      ),
    }));
    try {
      set({ unread: (await notificationsApi.markRead(selection)).unread });
    } catch {
      await get().refreshCount();
    }
  },

  conversationOpened: (conversationId) => {
    const { items, unread } = get();
    const hasUnread = items.some((n) => n.conversationId === conversationId && !n.readAt);
    // Without the list loaded the count alone cannot tell; the server answers cheaply either way.
    if (hasUnread || (!get().loaded && unread > 0)) void get().markRead({ conversationId });
  },

  received: (notification, conversation) => {
    if (get().items.some((n) => n.id === notification.id)) return;
    set((s) => ({
      items: [{ ...notification, conversation }, ...s.items],
      unread: s.unread + 1,
    }));
    if (get().sound) playChime();
  },

  readElsewhere: (ids, all) => {
    const now = new Date().toISOString();
    const marked = new Set(ids);
    set((s) => ({
      items: s.items.map((n) =>
        !n.readAt && (all || marked.has(n.id)) ? { ...n, readAt: now } : n,
      ),
    }));
    void get().refreshCount();
  },

  setSound: (on) => {
    setSoundEnabled(on);
    set({ sound: on });
    if (on) playChime();
  },

  reset: () => set({ ...initial }),
}));

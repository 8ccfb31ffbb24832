import type { ConversationSummaryDto, NotificationDto } from '@switchboard/contracts';
import { create } from 'zustand';
import { displayText } from '../../../shared/text/display-text';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { notificationTitle } from '../utils/notification-title';

export type PermissionState = NotificationPermission | 'unsupported';

interface NotificationsState {
  /** Conversations with a notification the operator has not looked at yet. */
  unread: Record<string, true>;
  permission: PermissionState;
  /** What the last notification said (also rendered in-app as a polite live region). */
  lastShown: { title: string; body: string; conversationId: string } | null;
  notify: (
    type: NotificationDto['type'],
    conversation: ConversationSummaryDto,
    detail?: NotificationDto['detail'],
  ) => void;
  markSeen: (conversationId: string) => void;
  requestPermission: () => Promise<void>;
  reset: () => void;
}

function currentPermission(): PermissionState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

function operatorIsLookingAt(conversationId: string): boolean {
  return (
    useConversationStore.getState().selectedId === conversationId &&
    document.visibilityState === 'visible' &&
    document.hasFocus()
  );
}

export const useNotificationsStore = create<NotificationsState>((set, get) => ({
  unread: {},
  permission: currentPermission(),
  lastShown: null,

  notify: (type, conversation, detail) => {
    if (operatorIsLookingAt(conversation.id)) return;
    const title = notificationTitle(type, conversation, detail);
    const body = displayText(conversation.lastMessagePreview ?? '');
    set((s) => ({
      unread: { ...s.unread, [conversation.id]: true },
      lastShown: { title, body, conversationId: conversation.id },
    }));
    if (get().permission !== 'granted') return;
    try {
      // The tag collapses repeated alerts for one conversation into one.
      const shown = new Notification(title, { body, tag: `conversation:${conversation.id}` });
      shown.onclick = () => {
        window.focus();
        useConversationStore.getState().select(conversation.id);
        shown.close();
      };
    } catch {
      // Some browsers allow Notification only from a service worker; the title badge still works.
    }
  },

  markSeen: (conversationId) => {
    if (!get().unread[conversationId]) return;
    set((s) => {
      const unread = { ...s.unread };
      delete unread[conversationId];
      return { unread };
    });
  },

  requestPermission: async () => {
    if (typeof Notification === 'undefined') return;
    set({ permission: await Notification.requestPermission() });
  },

  reset: () => set({ unread: {}, lastShown: null }),
}));

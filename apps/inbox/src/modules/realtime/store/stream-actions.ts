import type { StreamEvent, StreamEventPayloads, StreamEventType } from '@switchboard/contracts';
import { useContactCardStore } from '../../contacts/store/contact-card-store';
import { useAuthStore } from '../../auth/store/auth-store';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { applyMessagesMoved } from '../../conversation-merge/store/messages-moved';
import { applyConversationDeleted } from '../../feed/store/conversation-deleted';
import { useFeedStore } from '../../feed/store/feed-store';
import { announceNewConversation } from '../../feed/store/feed-announcements';
import { useNotificationCentreStore } from '../../notifications/store/notification-centre-store';
import { useNotificationsStore } from '../../notifications/store/notifications-store';
import { usePeopleStore } from '../../people/store/people-store';
import { useTasksStore } from '../../tasks/store/tasks-store';
import { queueChanged } from '../../routing/store/routing-store';
import { useStreamStore } from './stream-store';
import { useTimeStore } from '../../time-tracking/store/time-store';
import { useCsatStore } from '../../csat/store/csat-store';

/** Stored notifications that announce the customer message whose event follows them. */
const ABOUT_A_CUSTOMER_MESSAGE = new Set(['customer_message', 'unsnoozed_by_customer']);
/** Conversations whose next customer message this operator was already alerted to. */
const toldByStoredNotification = new Set<string>();

type Handler<T extends StreamEventType> = (payload: StreamEventPayloads[T], cursor: number) => void;

/** The one place that says what each server event does to client state (cf. Chatwoot's actionCable.js). */
export const STREAM_ACTIONS: { [T in StreamEventType]: Handler<T> } = {
  'conversation.created': ({ conversation }, cursor) => {
    useFeedStore.getState().applyEvent(conversation, cursor);
    announceNewConversation(conversation);
    useConversationStore.getState().receiveSummary(conversation);
    useContactCardStore.getState().conversationChanged(conversation.contact.id);
  },
  'conversation.updated': ({ conversation }, cursor) => {
    useFeedStore.getState().applyEvent(conversation, cursor);
    useConversationStore.getState().receiveSummary(conversation);
    useContactCardStore.getState().conversationChanged(conversation.contact.id);
  },
  'conversation.deleted': ({ conversationId }) => applyConversationDeleted(conversationId),
  'message.created': ({ message, conversation }, cursor) => {
    useConversationStore.getState().receiveMessage(message);
    useConversationStore.getState().receiveSummary(conversation);
    useFeedStore.getState().applyEvent(conversation, cursor);
    // The server stores a notification of each customer message for the assignee and the
    // participants (it arrives just before this event). Only while nobody owns the conversation
    // does everyone else hear about it here, unless a stored one already told this operator.
    if (message.direction !== 'incoming' || message.kind !== 'message') return;
    const told = toldByStoredNotification.delete(conversation.id);
    if (conversation.assigneeId === null && !told)
      useNotificationsStore.getState().notify('customer_message', conversation);
  },
  'message.updated': ({ message }) => {
    useConversationStore.getState().receiveMessage(message);
  },
  // A reply in its Undo window: shown as "Sending…"; message.created replaces it when it leaves.
  'message.sending': ({ message }) => {
    useConversationStore.getState().receiveMessage(message);
  },
  'message.unsent': ({ messageId, conversationId }) => {
    useConversationStore.getState().removeMessage(conversationId, messageId);
  },
  'notification.created': ({ notification, conversation }, cursor) => {
    useFeedStore.getState().applyEvent(conversation, cursor);
    useConversationStore.getState().receiveSummary(conversation);
    // Every operator's notifications travel on the account stream; show only ours.
    if (notification.operatorId === useAuthStore.getState().operator?.id) {
      if (ABOUT_A_CUSTOMER_MESSAGE.has(notification.type))
        toldByStoredNotification.add(conversation.id);
      useNotificationCentreStore.getState().received(notification, conversation);
      useNotificationsStore.getState().notify(notification.type, conversation, notification.detail);
    }
  },
  'operator.updated': ({ operator }) => {
    usePeopleStore.getState().receive(operator);
  },
  'access.changed': () => {
    // The server filters by the new access at once: reload the feed to gain or lose inboxes.
    void useFeedStore.getState().loadFirstPage();
    void useFeedStore.getState().refreshCounts();
  },
  // An SLA warning or breach: the countdown already turned on its own; the summary carries the state.
  'conversation.sla': ({ conversation }, cursor) => {
    useFeedStore.getState().applyEvent(conversation, cursor);
    useConversationStore.getState().receiveSummary(conversation);
  },
  'routing.queue_changed': () => queueChanged(),
  // The rating's activity arrives as message.created; the summary may have changed with it.
  'csat.answered': ({ conversation }, cursor) => {
    useFeedStore.getState().applyEvent(conversation, cursor);
    useConversationStore.getState().receiveSummary(conversation);
    useCsatStore.getState().answered(conversation.id);
  },
  'time.changed': ({ conversationId }) => useTimeStore.getState().changed(conversationId),
  'task.changed': ({ taskId, conversationId }) => {
    useTasksStore.getState().changed(taskId, conversationId);
  },
  'conversation.messages_moved': (payload, cursor) => {
    applyMessagesMoved(payload, cursor);
    useContactCardStore.getState().conversationChanged(payload.conversation.contact.id);
  },
  'notifications.read': ({ operatorId, ids, all }) => {
    if (operatorId === useAuthStore.getState().operator?.id)
      useNotificationCentreStore.getState().readElsewhere(ids, all);
  },
};

const COUNTS_DEBOUNCE_MS = 150;
/** Events that change a timeline and never a feed count. */
const TIMELINE_ONLY = new Set<StreamEventType>([
  'message.updated',
  'message.sending',
  'message.unsent',
]);
let countsTimer: ReturnType<typeof setTimeout> | null = null;

function scheduleCountsRefresh(): void {
  if (countsTimer) return;
  countsTimer = setTimeout(() => {
    countsTimer = null;
    void useFeedStore.getState().refreshCounts();
  }, COUNTS_DEBOUNCE_MS);
}

/**
 * Applies one stream event exactly once: anything at or below the last applied cursor is a replay
 * and is ignored. Returns whether the event was applied.
 */
export function applyStreamEvent(event: StreamEvent): boolean {
  if (!useStreamStore.getState().advance(event.cursor)) return false;
  // TypeScript cannot correlate `event.type` with `event.payload` through the map lookup.
  const handler = STREAM_ACTIONS[event.type] as Handler<StreamEventType>;
  handler(event.payload as never, event.cursor);
  if (!TIMELINE_ONLY.has(event.type)) scheduleCountsRefresh();
  return true;
}

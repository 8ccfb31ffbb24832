import type { StreamEvent, StreamEventPayloads, StreamEventType } from '@switchboard/contracts';
import { useAuthStore } from '../../auth/store/auth-store';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { useFeedStore } from '../../feed/store/feed-store';
import { useNotificationCentreStore } from '../../notifications/store/notification-centre-store';
import { useNotificationsStore } from '../../notifications/store/notifications-store';
import { usePeopleStore } from '../../people/store/people-store';
import { useStreamStore } from './stream-store';

type Handler<T extends StreamEventType> = (payload: StreamEventPayloads[T], cursor: number) => void;

/** The one place that says what each server event does to client state (cf. Chatwoot's actionCable.js). */
export const STREAM_ACTIONS: { [T in StreamEventType]: Handler<T> } = {
  'conversation.created': ({ conversation }, cursor) => {
    useFeedStore.getState().applyEvent(conversation, cursor);
    useConversationStore.getState().receiveSummary(conversation);
  },
  'conversation.updated': ({ conversation }, cursor) => {
    useFeedStore.getState().applyEvent(conversation, cursor);
    useConversationStore.getState().receiveSummary(conversation);
  },
  'message.created': ({ message, conversation }, cursor) => {
    useConversationStore.getState().receiveMessage(message);
    useConversationStore.getState().receiveSummary(conversation);
    useFeedStore.getState().applyEvent(conversation, cursor);
    // The server stores notifications for snooze wake-ups only; a plain customer message alerts
    // the assignee, or everyone while nobody owns the conversation.
    const me = useAuthStore.getState().operator?.id;
    const forMe = conversation.assigneeId === null || conversation.assigneeId === me;
    if (message.direction === 'incoming' && message.kind === 'message' && forMe) {
      useNotificationsStore.getState().notify('customer_message', conversation);
    }
  },
  'message.updated': ({ message }) => {
    useConversationStore.getState().receiveMessage(message);
  },
  'notification.created': ({ notification, conversation }, cursor) => {
    useFeedStore.getState().applyEvent(conversation, cursor);
    useConversationStore.getState().receiveSummary(conversation);
    // Every operator's notifications travel on the account stream; show only ours.
    if (notification.operatorId === useAuthStore.getState().operator?.id) {
      useNotificationCentreStore.getState().received(notification, conversation);
      useNotificationsStore.getState().notify(notification.type, conversation);
    }
  },
  'operator.updated': ({ operator }) => {
    usePeopleStore.getState().receive(operator);
  },
  'notifications.read': ({ operatorId, ids, all }) => {
    if (operatorId === useAuthStore.getState().operator?.id)
      useNotificationCentreStore.getState().readElsewhere(ids, all);
  },
};

const COUNTS_DEBOUNCE_MS = 150;
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
  if (event.type !== 'message.updated') scheduleCountsRefresh();
  return true;
}

import type { MessageDto } from '@switchboard/contracts';
import { conversationApi } from '../api/conversation-api';
import { useConversationStore } from './conversation-store';
import { errorText } from '../../../shared/api/error-text';

/**
 * Sends again, on the operator's explicit word, a message whose delivery is uncertain. Shown as
 * sending at once; if the server refuses, the message goes back to uncertain with the reason.
 */
export async function resendMessage(message: MessageDto): Promise<void> {
  const store = useConversationStore.getState();
  store.receiveMessage({ ...message, deliveryStatus: 'pending', failureReason: null });
  try {
    useConversationStore.getState().receiveMessage(await conversationApi.resendMessage(message.id));
  } catch (error) {
    const reason = errorText(error);
    useConversationStore
      .getState()
      .receiveMessage({ ...message, deliveryStatus: 'uncertain', failureReason: reason });
  }
}

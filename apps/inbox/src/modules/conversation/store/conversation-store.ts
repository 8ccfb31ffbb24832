import type {
  ConversationDetailDto,
  ConversationSummaryDto,
  MessageDto,
} from '@switchboard/contracts';
import { create } from 'zustand';
import { conversationApi } from '../api/conversation-api';
import { compareMessages, upsertMessage } from '../utils/message-order';
import { resetPendingStatuses, withPendingStatus } from './pending-status';
import { errorText } from '../../../shared/api/error-text';

export const MESSAGE_PAGE_SIZE = 50;

export interface Thread {
  /** Oldest first. Local (unsent) messages have ids starting with `local:`. */
  messages: MessageDto[];
  olderCursor: string | null;
  hasOlder: boolean;
  loadingOlder: boolean;
  phase: 'loading' | 'ready' | 'error';
  error: string | null;
}

export interface ConversationState {
  selectedId: string | null;
  /** Latest known summary of conversations the operator has open or had open. */
  summaries: Record<string, ConversationSummaryDto>;
  details: Record<string, ConversationDetailDto>;
  threads: Record<string, Thread>;
  /** Whether remote images were allowed per message (never persisted: a fresh page blocks again). */
  remoteImagesAllowed: Record<string, true>;

  select: (id: string | null) => void;
  loadThread: (id: string) => Promise<void>;
  loadOlder: (id: string) => Promise<void>;
  /** A message from the stream or a REST response. */
  receiveMessage: (message: MessageDto) => void;
  receiveSummary: (conversation: ConversationSummaryDto) => void;
  addLocalMessage: (message: MessageDto) => void;
  removeLocalMessage: (conversationId: string, localId: string) => void;
  /** A stored message that is no more (a reply taken back by Undo send). */
  removeMessage: (conversationId: string, messageId: string) => void;
  updateLocalMessage: (conversationId: string, localId: string, patch: Partial<MessageDto>) => void;
  allowRemoteImages: (messageId: string) => void;
  reset: () => void;
}

function errorMessage(error: unknown): string {
  return errorText(error);
}

const emptyThread: Thread = {
  messages: [],
  olderCursor: null,
  hasOlder: false,
  loadingOlder: false,
  phase: 'loading',
  error: null,
};

export const isLocalId = (id: string) => id.startsWith('local:');

export const useConversationStore = create<ConversationState>((set, get) => ({
  selectedId: null,
  summaries: {},
  details: {},
  threads: {},
  remoteImagesAllowed: {},

  select: (id) => {
    set({ selectedId: id });
    if (id && get().threads[id]?.phase !== 'ready') void get().loadThread(id);
  },

  loadThread: async (id) => {
    set((s) => ({
      threads: {
        ...s.threads,
        [id]: { ...(s.threads[id] ?? emptyThread), phase: 'loading', error: null },
      },
    }));
    try {
      const [detail, page] = await Promise.all([
        conversationApi.detail(id),
        conversationApi.messages(id, null, MESSAGE_PAGE_SIZE),
      ]);
      set((s) => {
        const current = s.threads[id] ?? emptyThread;
        // Messages the stream delivered while we were loading stay; the page fills in the rest.
        let messages = page.items.slice().sort(compareMessages);
        for (const m of current.messages) messages = upsertMessage(messages, m);
        return {
          details: { ...s.details, [id]: detail },
          summaries: { ...s.summaries, [id]: detail },
          threads: {
            ...s.threads,
            [id]: {
              messages,
              olderCursor: page.nextCursor,
              hasOlder: page.nextCursor !== null,
              loadingOlder: false,
              phase: 'ready',
              error: null,
            },
          },
        };
      });
    } catch (error) {
      set((s) => ({
        threads: {
          ...s.threads,
          [id]: { ...(s.threads[id] ?? emptyThread), phase: 'error', error: errorMessage(error) },
        },
      }));
    }
  },

  loadOlder: async (id) => {
    const thread = get().threads[id];
    if (!thread || !thread.hasOlder || thread.loadingOlder || !thread.olderCursor) return;
    set((s) => ({ threads: { ...s.threads, [id]: { ...thread, loadingOlder: true } } }));
    try {
      const page = await conversationApi.messages(id, thread.olderCursor, MESSAGE_PAGE_SIZE);
      set((s) => {
        const current = s.threads[id] ?? thread;
        let messages = current.messages;
        for (const m of page.items) messages = upsertMessage(messages, m);
        messages = messages.slice().sort(compareMessages);
        return {
          threads: {
            ...s.threads,
            [id]: {
              ...current,
              messages,
              olderCursor: page.nextCursor,
              hasOlder: page.nextCursor !== null,
              loadingOlder: false,
            },
          },
        };
      });
    } catch (error) {
      set((s) => ({
        threads: {
          ...s.threads,
          [id]: { ...(s.threads[id] ?? thread), loadingOlder: false, error: errorMessage(error) },
        },
      }));
    }
  },

  receiveMessage: (message) => {
    const thread = get().threads[message.conversationId];
    if (!thread) return; // Not open: it is fetched fresh when the operator opens it.
    let messages = thread.messages;
    // Our own send can come back on the stream before the POST answers: drop the local echo.
    if (message.direction === 'outgoing' && message.sender.type === 'operator') {
      const echo = messages.find(
        (m) =>
          isLocalId(m.id) &&
          m.text === message.text &&
          m.kind === message.kind &&
          m.deliveryStatus !== 'failed',
      );
      if (echo) messages = messages.filter((m) => m !== echo);
    }
    messages = upsertMessage(messages, message);
    set((s) => ({ threads: { ...s.threads, [message.conversationId]: { ...thread, messages } } }));
  },

  receiveSummary: (conversation) => {
    if (!(conversation.id in get().summaries)) return;
    const shown = withPendingStatus(conversation, 'snapshot');
    set((s) => ({ summaries: { ...s.summaries, [conversation.id]: shown } }));
  },

  addLocalMessage: (message) => {
    set((s) => {
      const thread = s.threads[message.conversationId] ?? {
        ...emptyThread,
        phase: 'ready' as const,
      };
      return {
        threads: {
          ...s.threads,
          [message.conversationId]: { ...thread, messages: thread.messages.concat(message) },
        },
      };
    });
  },

  removeLocalMessage: (conversationId, localId) => {
    set((s) => {
      const thread = s.threads[conversationId];
      if (!thread) return {};
      return {
        threads: {
          ...s.threads,
          [conversationId]: {
            ...thread,
            messages: thread.messages.filter((m) => m.id !== localId),
          },
        },
      };
    });
  },

  removeMessage: (conversationId, messageId) => get().removeLocalMessage(conversationId, messageId),

  updateLocalMessage: (conversationId, localId, patch) => {
    set((s) => {
      const thread = s.threads[conversationId];
      if (!thread) return {};
      const messages = thread.messages.map((m) => (m.id === localId ? { ...m, ...patch } : m));
      return { threads: { ...s.threads, [conversationId]: { ...thread, messages } } };
    });
  },

  allowRemoteImages: (messageId) =>
    set((s) => ({ remoteImagesAllowed: { ...s.remoteImagesAllowed, [messageId]: true } })),

  reset: () => {
    resetPendingStatuses();
    set({ selectedId: null, summaries: {}, details: {}, threads: {}, remoteImagesAllowed: {} });
  },
}));

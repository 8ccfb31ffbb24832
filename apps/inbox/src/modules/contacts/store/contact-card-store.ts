import type {
  ContactAttributeDto,
  ContactConversationDto,
  ContactDto,
  UpdateContactRequest,
} from '@switchboard/contracts';
import { create } from 'zustand';
import { contactsApi } from '../api/contacts-api';
import { errorText } from '../../../shared/api/error-text';

interface ConversationList {
  items: ContactConversationDto[];
  nextCursor: string | null;
}

interface ContactCardState {
  cards: Record<string, ContactDto>;
  errors: Record<string, string>;
  conversations: Record<string, ConversationList>;
  attributes: ContactAttributeDto[];
  attributesLoaded: boolean;
  /** Loads (or reloads) the card and its first page of conversations. */
  load: (id: string) => Promise<void>;
  loadMoreConversations: (id: string) => Promise<void>;
  loadAttributes: (force?: boolean) => Promise<void>;
  /** Saves a change; the server's card replaces ours. Throws the server's refusal. */
  save: (id: string, change: UpdateContactRequest) => Promise<ContactDto>;
  /**
   * One of this customer's conversations changed (new, status, merged, split): an open card
   * re-reads its conversation list once the burst is over.
   */
  conversationChanged: (contactId: string) => void;
  reset: () => void;
}

const REFRESH_DELAY_MS = 400;
const pendingRefresh = new Map<string, ReturnType<typeof setTimeout>>();

const message = (error: unknown) => errorText(error);

/** Customer cards by contact id, shared by the side panel and the contact page. */
export const useContactCardStore = create<ContactCardState>((set, get) => ({
  cards: {},
  errors: {},
  conversations: {},
  attributes: [],
  attributesLoaded: false,

  load: async (id) => {
    void get().loadAttributes();
    try {
      const [card, page] = await Promise.all([
        contactsApi.card(id),
        contactsApi.conversations(id, null),
      ]);
      set((s) => {
        const { [id]: _gone, ...errors } = s.errors;
        return {
          cards: { ...s.cards, [id]: card },
          conversations: { ...s.conversations, [id]: page },
          errors,
        };
      });
    } catch (error) {
      set((s) => ({ errors: { ...s.errors, [id]: message(error) } }));
    }
  },

  loadMoreConversations: async (id) => {
    const current = get().conversations[id];
    if (!current?.nextCursor) return;
    const page = await contactsApi.conversations(id, current.nextCursor);
    set((s) => ({
      conversations: {
        ...s.conversations,
        [id]: { items: [...current.items, ...page.items], nextCursor: page.nextCursor },
      },
    }));
  },

  loadAttributes: async (force = false) => {
    if (get().attributesLoaded && !force) return;
    set({ attributesLoaded: true });
    try {
      set({ attributes: await contactsApi.attributes() });
    } catch {
      set({ attributesLoaded: false });
    }
  },

  save: async (id, change) => {
    const card = await contactsApi.update(id, change);
    set((s) => ({ cards: { ...s.cards, [id]: card } }));
    return card;
  },

  conversationChanged: (contactId) => {
    if (!get().conversations[contactId] || pendingRefresh.has(contactId)) return;
    pendingRefresh.set(
      contactId,
      setTimeout(() => {
        pendingRefresh.delete(contactId);
        if (!get().conversations[contactId]) return;
        void contactsApi.conversations(contactId, null).then(
          (page) => set((s) => ({ conversations: { ...s.conversations, [contactId]: page } })),
          () => undefined, // the next change or a reopen of the card tries again
        );
      }, REFRESH_DELAY_MS),
    );
  },

  reset: () => {
    for (const timer of pendingRefresh.values()) clearTimeout(timer);
    pendingRefresh.clear();
    set({ cards: {}, errors: {}, conversations: {}, attributes: [], attributesLoaded: false });
  },
}));

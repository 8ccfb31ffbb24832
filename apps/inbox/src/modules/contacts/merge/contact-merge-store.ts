import type {
  ContactMergeDto,
  ContactMergePicks,
  ContactMergeSuggestionDto,
} from '@switchboard/contracts';
import { create } from 'zustand';
import { useContactCardStore } from '../store/contact-card-store';
import { contactMergeApi } from './contact-merge-api';

interface ContactMergeState {
  suggestions: Record<string, ContactMergeSuggestionDto[]>;
  history: Record<string, ContactMergeDto[]>;
  /** Loads (or reloads) the card's suggestions and merge history. */
  load: (contactId: string) => Promise<void>;
  /** Merges `otherId` into `survivorId`, then reloads the card. Throws the server's refusal. */
  merge: (
    survivorId: string,
    otherId: string,
    picks: ContactMergePicks,
  ) => Promise<ContactMergeDto>;
  /** Undoes a merge shown on `contactId`'s card, then reloads it. Throws the server's refusal. */
  undo: (contactId: string, mergeId: string) => Promise<ContactMergeDto>;
}

/** Merge suggestions and merge history per contact card. */
export const useContactMergeStore = create<ContactMergeState>((set, get) => ({
  suggestions: {},
  history: {},

  load: async (contactId) => {
    const [suggestions, history] = await Promise.all([
      contactMergeApi.suggestions(contactId).catch(() => []),
      contactMergeApi.history(contactId).catch(() => []),
    ]);
    set((s) => ({
      suggestions: { ...s.suggestions, [contactId]: suggestions },
      history: { ...s.history, [contactId]: history },
    }));
  },

  merge: async (survivorId, otherId, picks) => {
    const merged = await contactMergeApi.merge(survivorId, otherId, picks);
    await Promise.all([useContactCardStore.getState().load(survivorId), get().load(survivorId)]);
    return merged;
  },

  undo: async (contactId, mergeId) => {
    const undone = await contactMergeApi.undo(mergeId);
    await Promise.all([useContactCardStore.getState().load(contactId), get().load(contactId)]);
    return undone;
  },
}));

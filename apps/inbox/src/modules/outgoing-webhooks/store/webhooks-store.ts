import type { WebhookSubscriptionDto } from '@switchboard/contracts';
import { create } from 'zustand';
import { webhooksApi } from '../api/webhooks-api';
import { errorText } from '../../../shared/api/error-text';

interface WebhooksState {
  subscriptions: WebhookSubscriptionDto[];
  loadError: string | null;
  /** A secret just made (created or rotated), shown once until dismissed or another is shown. */
  shownSecret: { subscriptionId: string | null; secret: string } | null;
  load: () => Promise<void>;
  receive: (subscription: WebhookSubscriptionDto) => void;
  remove: (id: string) => void;
  showSecret: (subscriptionId: string | null, secret: string) => void;
  hideSecret: () => void;
}

/** The account's webhook subscriptions, oldest first, as the settings page shows them. */
export const useWebhooksStore = create<WebhooksState>((set) => ({
  subscriptions: [],
  loadError: null,
  shownSecret: null,

  load: async () => {
    set({ loadError: null });
    try {
      set({ subscriptions: await webhooksApi.list() });
    } catch (error) {
      set({ loadError: errorText(error) });
    }
  },

  receive: (subscription) =>
    set((s) => ({
      subscriptions: s.subscriptions.some((x) => x.id === subscription.id)
        ? s.subscriptions.map((x) => (x.id === subscription.id ? subscription : x))
        : [...s.subscriptions, subscription],
    })),

  remove: (id) =>
    set((s) => ({
      subscriptions: s.subscriptions.filter((x) => x.id !== id),
      shownSecret: s.shownSecret?.subscriptionId === id ? null : s.shownSecret,
    })),

  showSecret: (subscriptionId, secret) => set({ shownSecret: { subscriptionId, secret } }),
  hideSecret: () => set({ shownSecret: null }),
}));

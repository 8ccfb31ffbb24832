import type { ConversationSummaryDto } from '@switchboard/contracts';
import { create } from 'zustand';
import { t } from '../../../i18n/i18n';

interface FeedAnnouncementsState {
  /** The latest sentence for screen readers; `serial` changes even when the words repeat. */
  text: string;
  serial: number;
  say: (text: string) => void;
}

export const useFeedAnnouncementsStore = create<FeedAnnouncementsState>((set) => ({
  text: '',
  serial: 0,
  say: (text) => set((s) => ({ text, serial: s.serial + 1 })),
}));

/** "New conversation from Anna via Telegram": said once, when the conversation first arrives. */
export function announceNewConversation(conversation: ConversationSummaryDto): void {
  const name =
    conversation.contact.name || conversation.contact.handle || t('feed.row.unknown_contact');
  useFeedAnnouncementsStore
    .getState()
    .say(t('a11y.new_conversation', { name, channel: t(`channel.${conversation.channel}`) }));
}

import type { AttachmentDto, EmailAddressDto, ReplyCollisionDetails } from '@switchboard/contracts';
import { create } from 'zustand';
import type { ComposerMode } from './composer-store';
import type { ReplyTarget } from './reply-target-store';

/** A reply the server held because a colleague answered first: sent anyway, or taken back. */
export interface HeldReply {
  kind: ComposerMode;
  text: string;
  attachments: AttachmentDto[];
  collision: ReplyCollisionDetails;
  /** The customer message it answered, kept for "Send anyway" and "Review". */
  replyTo?: ReplyTarget | null;
  /** A template send, sent again as the same template (`body`: its text as shown). */
  template?: { id: string; variables: Record<string, string>; body: string } | null;
  /** Email: the copies it was sent with. */
  copies?: { cc: EmailAddressDto[]; bcc: EmailAddressDto[] } | null;
}

interface HeldRepliesState {
  byConversation: Record<string, HeldReply>;
  hold: (conversationId: string, reply: HeldReply) => void;
  release: (conversationId: string) => HeldReply | undefined;
}

export const useHeldRepliesStore = create<HeldRepliesState>((set, get) => ({
  byConversation: {},
  hold: (conversationId, reply) =>
    set((s) => ({ byConversation: { ...s.byConversation, [conversationId]: reply } })),
  release: (conversationId) => {
    const held = get().byConversation[conversationId];
    if (held)
      set((s) => {
        const byConversation = { ...s.byConversation };
        delete byConversation[conversationId];
        return { byConversation };
      });
    return held;
  },
}));

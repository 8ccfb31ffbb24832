import {
  formatAddress,
  MAX_EMAIL_COPIES,
  parseAddressList,
  type EmailAddressDto,
  type EmailReplyContextDto,
} from '@switchboard/contracts';
import { create } from 'zustand';
import { emailRepliesApi } from '../api/email-replies-api';
import { errorText } from '../../../shared/api/error-text';

/** What the operator chose for one email reply: to the customer alone or to all, and the copies. */
export interface EmailReplyDraft {
  all: boolean;
  /** As typed: "Ann <a@x.com>, b@y.org". */
  cc: string;
  bcc: string;
  showBcc: boolean;
}

export type ContextState =
  | { phase: 'loading' }
  | { phase: 'ready'; context: EmailReplyContextDto }
  | { phase: 'failed'; message: string };

interface EmailReplyState {
  contexts: Record<string, ContextState>;
  drafts: Record<string, EmailReplyDraft>;
  /** (Re)reads what the composer offers; a new mail on the thread may add people to "Reply all". */
  load: (conversationId: string) => Promise<void>;
  setDraft: (conversationId: string, patch: Partial<EmailReplyDraft>) => void;
  /** "Reply all" fills Cc with everyone on the thread; "Reply" empties it. */
  chooseAll: (conversationId: string, all: boolean) => void;
  /** After a send: back to "Reply", no copies. */
  reset: (conversationId: string) => void;
}

export const EMPTY_EMAIL_DRAFT: EmailReplyDraft = { all: false, cc: '', bcc: '', showBcc: false };

export const useEmailReplyStore = create<EmailReplyState>((set, get) => ({
  contexts: {},
  drafts: {},
  load: async (conversationId) => {
    if (!get().contexts[conversationId]) setContext(conversationId, { phase: 'loading' });
    try {
      const context = await emailRepliesApi.context(conversationId);
      setContext(conversationId, { phase: 'ready', context });
    } catch (err) {
      setContext(conversationId, {
        phase: 'failed',
        message: errorText(err),
      });
    }
  },
  setDraft: (conversationId, patch) =>
    set((s) => ({
      drafts: {
        ...s.drafts,
        [conversationId]: { ...(s.drafts[conversationId] ?? EMPTY_EMAIL_DRAFT), ...patch },
      },
    })),
  chooseAll: (conversationId, all) => {
    const state = get().contexts[conversationId];
    const everyone = state?.phase === 'ready' ? state.context.replyAll : [];
    get().setDraft(conversationId, { all, cc: all ? everyone.map(formatAddress).join(', ') : '' });
  },
  reset: (conversationId) =>
    set((s) => ({
      drafts: { ...s.drafts, [conversationId]: EMPTY_EMAIL_DRAFT },
    })),
}));

function setContext(conversationId: string, value: ContextState): void {
  useEmailReplyStore.setState((s) => ({ contexts: { ...s.contexts, [conversationId]: value } }));
}

/** The copies as the API takes them, or why they cannot be sent. */
export interface ReadCopies {
  cc: EmailAddressDto[];
  bcc: EmailAddressDto[];
  /** Pieces that are not addresses, as typed. */
  invalid: string[];
  tooMany: boolean;
}

export function readCopies(draft: EmailReplyDraft): ReadCopies {
  const cc = parseAddressList(draft.cc);
  const bcc = parseAddressList(draft.bcc);
  return {
    cc: cc.recipients,
    bcc: bcc.recipients,
    invalid: [...cc.invalid, ...bcc.invalid],
    tooMany: cc.recipients.length > MAX_EMAIL_COPIES || bcc.recipients.length > MAX_EMAIL_COPIES,
  };
}

/** The copies to send with the reply, read from what was typed (call only when they are ready). */
export function copiesToSend(conversationId: string): {
  cc: EmailAddressDto[];
  bcc: EmailAddressDto[];
} {
  const { cc, bcc } = readCopies(
    useEmailReplyStore.getState().drafts[conversationId] ?? EMPTY_EMAIL_DRAFT,
  );
  return { cc, bcc };
}

/** Whether the copies typed so far can be sent: no stray text, within the limits. */
export function useEmailCopiesReady(conversationId: string): boolean {
  return useEmailReplyStore((s) => {
    const draft = s.drafts[conversationId];
    if (!draft) return true;
    const copies = readCopies(draft);
    return copies.invalid.length === 0 && !copies.tooMany;
  });
}

import {
  renderTemplate,
  type AttachmentDto,
  type ConversationSummaryDto,
  type EmailAddressDto,
  type MentionDto,
  type MessageDto,
  type OperatorDto,
  type ReplyCollisionDetails,
} from '@switchboard/contracts';
import { ApiError } from '../../../shared/api/http-client';
import { isLocalId, useConversationStore } from '../../conversation/store/conversation-store';
import { useReplyWindowRefusals } from '../../conversation/store/reply-window-refusals';
import { replyViaFields } from '../../conversation-merge/store/conversation-links-store';
import { messagesApi } from '../api/messages-api';
import type { ComposerMode } from './composer-store';
import { offerUndoSend } from '../../undo-send/store/undo-send';
import { useHeldRepliesStore } from './held-replies-store';
import { lastSeenMessageId } from './last-seen-message';
import type { ReplyTarget } from './reply-target-store';
import { errorText } from '../../../shared/api/error-text';

/** How a send is checked against a colleague's replies (see REPLY_COLLISION). */
interface CollisionCheck {
  lastSeenMessageId?: string;
  /** The operator saw the colleague's reply and sends anyway. */
  confirmed?: boolean;
}

/** What a send may carry besides its text. */
export interface SendExtras {
  attachments?: AttachmentDto[];
  /** Sent after a colleague's reply was seen ("Send anyway"). */
  confirmed?: boolean;
  /** Colleagues @mentioned in a note. */
  mentions?: MentionDto[];
  /** The customer message this reply answers; notes answer none. */
  replyTo?: ReplyTarget | null;
  /** Send an approved template instead of free text (outside WhatsApp's reply window). */
  template?: TemplateSend | null;
  /** Email: copies and blind copies of the reply. */
  copies?: EmailCopies | null;
}

export interface EmailCopies {
  cc: EmailAddressDto[];
  bcc: EmailAddressDto[];
}

/** A template to send: the server renders its text; `body` lets us show it at once. */
export interface TemplateSend {
  id: string;
  variables: Record<string, string>;
  body: string;
}

/** The local copy of a message, as shown while it is sent. */
const localMessage = (conversationId: string, localId: string) =>
  useConversationStore.getState().threads[conversationId]?.messages.find((m) => m.id === localId);

/** The colleagues a note mentions, by id, from the message as shown. */
const mentionIdsOf = (conversationId: string, localId: string): string[] =>
  (localMessage(conversationId, localId)?.mentions ?? []).map((m) => m.id);

function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Insecure contexts lack randomUUID; getRandomValues is enough for an idempotency key.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const localIdFor = (clientMessageId: string) => `local:${clientMessageId}`;
const clientIdOf = (localId: string) => localId.slice('local:'.length);

async function deliver(
  conversationId: string,
  localId: string,
  kind: ComposerMode,
  text: string,
  attachmentIds: string[] = [],
  check: CollisionCheck = {},
): Promise<void> {
  const store = useConversationStore.getState();
  const local = localMessage(conversationId, localId);
  const replyTo = kind === 'message' ? (local?.replyTo ?? null) : null;
  const template = kind === 'message' ? (local?.template ?? null) : null;
  // Kept on the message shown, so a retry sends the same copies.
  const copies = kind === 'message' ? (local?.emailRecipients ?? null) : null;
  try {
    const saved = await messagesApi.send(conversationId, {
      kind,
      // A template's text is the server's to render from the values.
      text: template ? '' : text,
      ...(template ? { template: { id: template.id, variables: template.variables } } : {}),
      clientMessageId: clientIdOf(localId),
      attachmentIds,
      ...(kind === 'note' ? { mentionIds: mentionIdsOf(conversationId, localId) } : {}),
      ...(replyTo ? { replyToMessageId: replyTo.id } : {}),
      ...(copies ? { cc: copies.cc, bcc: copies.bcc ?? [] } : {}),
      // "Reply via" (a merged conversation with several channels), as the operator picked it.
      ...(kind === 'message' && !template ? replyViaFields(conversationId) : {}),
      ...check,
      // A reply waits the operator's Undo send delay on the server (notes never leave).
      undoable: kind === 'message',
    });
    useConversationStore.getState().removeLocalMessage(conversationId, localId);
    useConversationStore.getState().receiveMessage(saved);
    if (saved.undoUntil) offerUndoSend(saved);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'REPLY_COLLISION') {
      // Not sent: show the colleague's reply and let the operator decide (HeldReplyBanner).
      const collision = error.details as ReplyCollisionDetails;
      const attachments = localMessage(conversationId, localId)?.attachments ?? [];
      useConversationStore.getState().removeLocalMessage(conversationId, localId);
      useConversationStore.getState().receiveMessage(collision.message);
      useHeldRepliesStore.getState().hold(conversationId, {
        kind,
        text,
        attachments,
        collision,
        replyTo,
        copies: copies ? { cc: copies.cc, bcc: copies.bcc ?? [] } : null,
        // Its text as shown has every value filled in already: rendering it again keeps it.
        template: template ? { ...template, body: local?.text ?? '' } : null,
      });
      return;
    }
    if (error instanceof ApiError && error.code === 'REPLY_WINDOW_CLOSED') {
      // The server's clock says the window has closed: offer templates from now on.
      const known = useConversationStore.getState().summaries[conversationId];
      useReplyWindowRefusals.getState().refused(conversationId, known?.replyWindowClosesAt ?? null);
    }
    // Kept on screen as failed with a retry button; the same clientMessageId makes the retry safe.
    const reason = errorText(error);
    store.updateLocalMessage(conversationId, localId, {
      deliveryStatus: 'failed',
      failureReason: reason,
    });
  }
}

/** Shows the message at once (pending) and sends it on the conversation's channel. */
export function sendMessage(
  conversation: ConversationSummaryDto,
  operator: OperatorDto,
  kind: ComposerMode,
  text: string,
  {
    attachments = [],
    confirmed = false,
    mentions = [],
    replyTo = null,
    template = null,
    copies = null,
  }: SendExtras = {},
): Promise<void> {
  const localId = localIdFor(newClientId());
  const asTemplate = kind === 'message' ? template : null;
  const local: MessageDto = {
    id: localId,
    conversationId: conversation.id,
    direction: 'outgoing',
    kind,
    sender: { type: 'operator', id: operator.id, name: operator.name },
    // What the customer will read, as the server will render it.
    text: asTemplate ? renderTemplate(asTemplate.body, asTemplate.variables) : text,
    html: null,
    attachments,
    activity: null,
    deliveryStatus: kind === 'message' ? 'pending' : null,
    failureReason: null,
    channel: conversation.channel,
    createdAt: new Date().toISOString(),
    mentions: kind === 'note' ? mentions : [],
    // The quote shows at once; the stored reply brings the server's copy of it.
    ...(kind === 'message' && replyTo ? { replyTo } : {}),
    ...(asTemplate ? { template: { id: asTemplate.id, variables: asTemplate.variables } } : {}),
    ...(kind === 'message' && copies && copies.cc.length + copies.bcc.length > 0
      ? { emailRecipients: copies }
      : {}),
  };
  const thread = useConversationStore.getState().threads[conversation.id];
  const seen = thread ? lastSeenMessageId(thread.messages) : undefined;
  useConversationStore.getState().addLocalMessage(local);
  const ids = attachments.map((a) => a.id);
  return deliver(conversation.id, localId, kind, text, ids, {
    lastSeenMessageId: seen,
    confirmed,
  });
}

/** Retries a failed message: a local one is re-posted, a stored one goes through the API retry. */
export async function retryMessage(message: MessageDto): Promise<void> {
  if (isLocalId(message.id)) {
    useConversationStore.getState().updateLocalMessage(message.conversationId, message.id, {
      deliveryStatus: message.kind === 'message' ? 'pending' : null,
      failureReason: null,
    });
    const kind: ComposerMode = message.kind === 'note' ? 'note' : 'message';
    const ids = message.attachments.map((a) => a.id);
    return deliver(message.conversationId, message.id, kind, message.text ?? '', ids);
  }
  useConversationStore
    .getState()
    .receiveMessage({ ...message, deliveryStatus: 'pending', failureReason: null });
  try {
    useConversationStore.getState().receiveMessage(await messagesApi.retry(message.id));
  } catch (error) {
    const reason = errorText(error);
    useConversationStore
      .getState()
      .receiveMessage({ ...message, deliveryStatus: 'failed', failureReason: reason });
  }
}

/** "Send anyway": the held reply goes out although a colleague answered first. */
export function sendHeldReplyAnyway(
  conversation: ConversationSummaryDto,
  operator: OperatorDto,
): Promise<void> {
  const held = useHeldRepliesStore.getState().release(conversation.id);
  if (!held) return Promise.resolve();
  return sendMessage(conversation, operator, held.kind, held.text, {
    attachments: held.attachments,
    confirmed: true,
    replyTo: held.replyTo ?? null,
    template: held.template ?? null,
    copies: held.copies ?? null,
  });
}

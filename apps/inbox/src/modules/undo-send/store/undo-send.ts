import type { MessageDto } from '@switchboard/contracts';
import { t, tp } from '../../../i18n/i18n';
import { ApiError } from '../../../shared/api/http-client';
import { useToastStore } from '../../../shared/ui/toast-store';
import { useAttachmentsStore } from '../../composer/store/attachments-store';
import { EMPTY_DRAFT, useComposerStore } from '../../composer/store/composer-store';
import { useReplyTargetStore } from '../../composer/store/reply-target-store';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { undoSendApi } from '../api/undo-send-api';
import { errorText } from '../../../shared/api/error-text';

/** Milliseconds left in a held reply's Undo window (0 once it has closed). */
export function undoTimeLeft(message: Pick<MessageDto, 'undoUntil'>, now = Date.now()): number {
  return message.undoUntil ? Math.max(0, Date.parse(message.undoUntil) - now) : 0;
}

/** Replies being taken back right now: a second click does not ask twice. */
const undoing = new Set<string>();

/**
 * Undo send: the server deletes the held reply (the stream's `message.unsent` drops it in every
 * tab); here it leaves the timeline at once and its words, files and quoted message go back into
 * the composer, ahead of anything typed since. Too late: "Already sent".
 */
export async function undoSend(message: MessageDto): Promise<void> {
  if (undoing.has(message.id)) return;
  undoing.add(message.id);
  try {
    const taken = await undoSendApi.undo(message.id);
    const conversationId = taken.conversationId;
    useConversationStore.getState().removeMessage(conversationId, taken.id);
    const composer = useComposerStore.getState();
    const typed = (composer.drafts[conversationId] ?? EMPTY_DRAFT).text;
    const text = [taken.text ?? '', typed].filter((part) => part.trim() !== '').join('\n\n');
    composer.setDraft(conversationId, { text, mode: 'message' });
    if (taken.attachments.length > 0)
      useAttachmentsStore.getState().addUploaded(conversationId, taken.attachments);
    if (taken.replyTo) useReplyTargetStore.getState().choose(conversationId, taken.replyTo);
    useToastStore.getState().show(t('undo_send.undone'));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'ALREADY_SENT')
      useToastStore.getState().show(t('undo_send.already_sent'));
    else
      useToastStore.getState().show(
        t('undo_send.failed', {
          message: errorText(error),
        }),
        'error',
      );
  } finally {
    undoing.delete(message.id);
  }
}

/** After a held reply is stored: the toast with Undo, for as long as the window lasts. */
export function offerUndoSend(message: MessageDto): void {
  const left = undoTimeLeft(message);
  if (left <= 0) return;
  useToastStore
    .getState()
    .show(
      tp('undo_send.toast', Math.ceil(left / 1000)),
      'info',
      { label: t('undo_send.undo'), run: () => void undoSend(message) },
      left,
    );
}

import { findPlaceholders, type ConversationSummaryDto } from '@switchboard/contracts';
import { useEffect, useRef, type FormEvent, type KeyboardEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { Icon } from '../../../shared/ui/icons';
import { useAuthStore } from '../../auth/store/auth-store';
import { CannedPicker } from '../../canned-replies/components/canned-picker';
import { PlaceholderWarning } from '../../canned-replies/components/placeholder-warning';
import { useCannedPicker } from '../../canned-replies/hooks/use-canned-picker';
import { MentionPicker } from '../../mentions/components/mention-picker';
import { useMentionPicker } from '../../mentions/hooks/use-mention-picker';
import { mentionsInText } from '../../mentions/utils/mentions-in-text';
import { useOverlayStore } from '../../shortcuts/store/overlay-store';
import { NO_ATTACHMENTS, useAttachmentsStore } from '../store/attachments-store';
import { EMPTY_DRAFT, useComposerStore, type ComposerMode } from '../store/composer-store';
import { useServerDraft } from '../hooks/use-server-draft';
import { useTypingSignal } from '../hooks/use-typing-signal';
import { useReplyTargetStore } from '../store/reply-target-store';
import { sendMessage } from '../store/send-message';
import { AttachmentButton, AttachmentChips, attachmentDropHandlers } from './attachment-picker';
import { HeldReplyBanner } from './held-reply-banner';
import { ReplyingTo } from './replying-to';
import { UnreachableBanner } from './unreachable-banner';

// Mirrors MAX_TEXT_LENGTH in the contracts (only types are imported from there).
const MAX_TEXT_LENGTH = 10_000;
const MAX_ROWS_PX = 240;

/** Reply on the conversation's own channel, or leave an internal note. */
export function Composer({ conversation }: { conversation: ConversationSummaryDto }) {
  const draft = useComposerStore((s) => s.drafts[conversation.id] ?? EMPTY_DRAFT);
  const setDraft = useComposerStore((s) => s.setDraft);
  const clearDraft = useComposerStore((s) => s.clearDraft);
  const operator = useAuthStore((s) => s.operator);
  const focusRequest = useOverlayStore((s) => s.replyFocusRequest);
  const typing = useTypingSignal(conversation.id);
  // A note answers nobody: the chosen message waits until the operator switches back to a reply.
  const chosenTarget = useReplyTargetStore((s) => s.byConversation[conversation.id]);
  const replyTarget = draft.mode === 'message' ? chosenTarget : undefined;
  const cancelReply = () => useReplyTargetStore.getState().cancel(conversation.id);
  useServerDraft(conversation.id);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const pending = useAttachmentsStore((s) => s.byConversation[conversation.id] ?? NO_ATTACHMENTS);
  const ready = pending.flatMap((a) =>
    a.status === 'ready' && a.attachment ? [a.attachment] : [],
  );
  const uploading = pending.some((a) => a.status === 'uploading');
  const tooLong = draft.text.length > MAX_TEXT_LENGTH;
  // `{{...}}` left in a reply (a canned reply's placeholder nothing filled) never reaches a customer.
  const placeholders = draft.mode === 'message' ? findPlaceholders(draft.text) : [];
  const canSend =
    (draft.text.trim().length > 0 || ready.length > 0) &&
    !uploading &&
    !tooLong &&
    placeholders.length === 0 &&
    operator !== null;

  // Focus only for a request made while mounted: a composer that mounts later must not steal focus
  // from the keyboard shortcuts because of an old `r`.
  const handledRequest = useRef(focusRequest);
  useEffect(() => {
    if (focusRequest === handledRequest.current) return;
    handledRequest.current = focusRequest;
    textRef.current?.focus();
  }, [focusRequest]);

  // Grow with the text up to a limit, then scroll.
  useEffect(() => {
    const el = textRef.current;
    if (!el) return;
    el.style.blockSize = 'auto';
    el.style.blockSize = `${Math.min(el.scrollHeight, MAX_ROWS_PX)}px`;
  }, [draft.text]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend || !operator) return;
    typing.stopped();
    // Read from the text as sent: a mention deleted while editing notifies nobody.
    const mentioned = draft.mode === 'note' ? mentionsInText(draft.text, mention.operators) : [];
    void sendMessage(conversation, operator, draft.mode, draft.text, {
      attachments: ready,
      mentions: mentioned,
      replyTo: replyTarget ?? null,
    });
    if (replyTarget) cancelReply();
    clearDraft(conversation.id);
    useAttachmentsStore.getState().clear(conversation.id);
  };

  const canned = useCannedPicker({
    conversationId: conversation.id,
    textRef,
    currentText: () => (useComposerStore.getState().drafts[conversation.id] ?? EMPTY_DRAFT).text,
    setText: (text) => setDraft(conversation.id, { text }),
    attach: (attachments) =>
      useAttachmentsStore.getState().addUploaded(conversation.id, attachments),
  });

  const mention = useMentionPicker({
    enabled: draft.mode === 'note',
    textRef,
    currentText: () => (useComposerStore.getState().drafts[conversation.id] ?? EMPTY_DRAFT).text,
    setText: (text) => setDraft(conversation.id, { text }),
  });

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (mention.onKeyDown(event)) return;
    if (canned.onKeyDown(event)) return;
    // Esc first drops the chosen message; only a second Esc leaves the reply box.
    if (event.key === 'Escape' && replyTarget && !event.nativeEvent.isComposing) {
      event.preventDefault();
      cancelReply();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const setMode = (mode: ComposerMode) => {
    setDraft(conversation.id, { mode });
    textRef.current?.focus();
  };
  const channel = t(`channel.${conversation.channel}`);

  return (
    <>
      <UnreachableBanner conversation={conversation} />
      <HeldReplyBanner conversation={conversation} />
      <form className={`composer composer--${draft.mode}`} onSubmit={submit} data-testid="composer">
        <div className="composer__modes" role="radiogroup">
          {(['message', 'note'] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              role="radio"
              aria-checked={draft.mode === mode}
              className="composer__mode"
              data-testid={`composer-mode-${mode}`}
              onClick={() => setMode(mode)}
            >
              <Icon name={mode === 'message' ? 'send' : 'note'} size={14} className="flip-rtl" />
              {t(mode === 'message' ? 'composer.reply' : 'composer.note')}
            </button>
          ))}
          {draft.mode === 'note' && (
            <span className="composer__note-notice" data-testid="note-notice">
              <Icon name="note" size={12} />
              {t('composer.note_notice')}
            </span>
          )}
        </div>
        {replyTarget && (
          <ReplyingTo
            target={replyTarget}
            onCancel={() => {
              cancelReply();
              textRef.current?.focus();
            }}
          />
        )}
        <textarea
          ref={textRef}
          className="composer__input"
          data-testid="composer-input"
          dir="auto"
          rows={2}
          value={draft.text}
          aria-label={
            draft.mode === 'message'
              ? t('composer.placeholder.reply', { channel })
              : t('composer.placeholder.note')
          }
          placeholder={
            draft.mode === 'message'
              ? t('composer.placeholder.reply', { channel })
              : t('composer.placeholder.note')
          }
          onChange={(e) => {
            setDraft(conversation.id, { text: e.target.value });
            // Internal notes are not announced to the customer.
            if (draft.mode === 'message') typing.typed();
            canned.update();
            mention.update();
          }}
          onSelect={() => {
            canned.update();
            mention.update();
          }}
          onBlur={typing.stopped}
          onKeyDown={onKeyDown}
          {...canned.textareaAria}
          {...mention.textareaAria}
          {...attachmentDropHandlers(conversation.id)}
        />
        {canned.picker && <CannedPicker {...canned.picker} />}
        {mention.picker && <MentionPicker {...mention.picker} />}
        <AttachmentChips conversationId={conversation.id} />
        <PlaceholderWarning placeholders={placeholders} />
        <div className="composer__footer">
          {tooLong ? (
            <span className="form-error" role="alert">
              {t('composer.error.too_long', { count: draft.text.length, max: MAX_TEXT_LENGTH })}
            </span>
          ) : (
            <span className="composer__hint">{t('composer.hint')}</span>
          )}
          <AttachmentButton conversationId={conversation.id} />
          <button
            type="submit"
            className="button button--primary"
            data-testid="composer-send"
            disabled={!canSend}
          >
            {t(draft.mode === 'message' ? 'composer.send' : 'composer.add_note')}
          </button>
        </div>
      </form>
    </>
  );
}

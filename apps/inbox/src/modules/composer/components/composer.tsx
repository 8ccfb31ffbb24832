import { findPlaceholders, type ConversationSummaryDto } from '@switchboard/contracts';
import { useEffect, useRef, type FormEvent, type KeyboardEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { useAuthStore } from '../../auth/store/auth-store';
import { CannedPicker } from '../../canned-replies/components/canned-picker';
import { PlaceholderWarning } from '../../canned-replies/components/placeholder-warning';
import { useCannedPicker } from '../../canned-replies/hooks/use-canned-picker';
import { MentionPicker } from '../../mentions/components/mention-picker';
import { useMentionPicker } from '../../mentions/hooks/use-mention-picker';
import { mentionsInText } from '../../mentions/utils/mentions-in-text';
import { useReplyWindow } from '../../conversation/hooks/use-reply-window';
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
import { ReplyVia } from '../../conversation-merge/components/reply-via';
import { ComposerModes } from './composer-modes';
import { KbInsertButton } from '../../knowledge-base/components/kb-insert-picker';
import { insertAtCursor } from '../../knowledge-base/utils/insert-at-cursor';
import { TemplateComposer } from './template-composer';
import { EmailReplyFields } from '../../email-replies/components/email-reply-fields';
import {
  copiesToSend,
  useEmailCopiesReady,
  useEmailReplyStore,
} from '../../email-replies/store/email-reply-store';

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
  const replyWindow = useReplyWindow(conversation);
  // Notes stay possible: they never reach the customer.
  const templatesOnly = draft.mode === 'message' && replyWindow.state === 'closed';
  // `{{...}}` left in a reply (a canned reply's placeholder nothing filled) never reaches a customer.
  const placeholders = draft.mode === 'message' ? findPlaceholders(draft.text) : [];
  // Email: Cc/Bcc, "Reply all" and the signature note sit above the text.
  const emailReply = conversation.channel === 'email' && draft.mode === 'message';
  const copiesReady = useEmailCopiesReady(conversation.id);
  const canSend =
    (draft.text.trim().length > 0 || ready.length > 0) &&
    !uploading &&
    !tooLong &&
    placeholders.length === 0 &&
    (!emailReply || copiesReady) &&
    operator !== null;

  // Focus only for a request made while mounted: a composer that mounts later must not steal focus
  // from the keyboard shortcuts because of an old `r`.
  // Past the reply window there is no text box: `r` goes to the first template one can choose.
  const modesRef = useRef<HTMLDivElement>(null);
  const handledRequest = useRef(focusRequest);
  useEffect(() => {
    if (focusRequest === handledRequest.current) return;
    handledRequest.current = focusRequest;
    const firstTemplate = modesRef.current
      ?.closest('form')
      ?.querySelector<HTMLElement>('input:not([disabled])');
    (textRef.current ?? firstTemplate)?.focus();
  }, [focusRequest]);

  // Switching between a reply and a note may swap the reply box for the template picker (past the
  // reply window) or back: focus follows to the text box, or stays on the chosen mode.
  const modeChanged = useRef(false);
  useEffect(() => {
    if (!modeChanged.current) return;
    modeChanged.current = false;
    const checked = modesRef.current?.querySelector<HTMLElement>('[aria-checked="true"]');
    (textRef.current ?? checked)?.focus();
  }, [draft.mode]);

  // Grow with the text up to a limit, then scroll.
  useEffect(() => {
    const el = textRef.current;
    if (!el) return;
    el.style.blockSize = 'auto';
    el.style.blockSize = `${Math.min(el.scrollHeight, MAX_ROWS_PX)}px`;
  }, [draft.text]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend || !operator || templatesOnly) return;
    typing.stopped();
    // Read from the text as sent: a mention deleted while editing notifies nobody.
    const mentioned = draft.mode === 'note' ? mentionsInText(draft.text, mention.operators) : [];
    void sendMessage(conversation, operator, draft.mode, draft.text, {
      attachments: ready,
      mentions: mentioned,
      replyTo: replyTarget ?? null,
      copies: emailReply ? copiesToSend(conversation.id) : null,
    });
    if (emailReply) useEmailReplyStore.getState().reset(conversation.id);
    if (replyTarget) cancelReply();
    // Back to Reply after a note: focus follows if that swaps the text box for the templates.
    modeChanged.current = draft.mode !== 'message';
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
    modeChanged.current = mode !== draft.mode;
    setDraft(conversation.id, { mode });
    textRef.current?.focus();
  };
  const channel = t(`channel.${conversation.channel}`);
  const modes = <ComposerModes mode={draft.mode} onChange={setMode} ref={modesRef} />;

  return (
    <>
      <UnreachableBanner conversation={conversation} />
      <HeldReplyBanner conversation={conversation} />
      {templatesOnly ? (
        // Past the reply window free text would never arrive: only a template can be sent.
        <TemplateComposer key={conversation.id} conversation={conversation} modes={modes} />
      ) : (
        <form
          className={`composer composer--${draft.mode}`}
          onSubmit={submit}
          data-testid="composer"
        >
          {modes}
          {replyTarget && (
            <ReplyingTo
              target={replyTarget}
              onCancel={() => {
                cancelReply();
                textRef.current?.focus();
              }}
            />
          )}
          {emailReply && (
            <EmailReplyFields
              conversationId={conversation.id}
              refreshKey={conversation.lastActivityAt}
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
            {draft.mode === 'message' && <ReplyVia conversationId={conversation.id} />}
            <KbInsertButton
              onInsert={(link) => {
                const text = (useComposerStore.getState().drafts[conversation.id] ?? EMPTY_DRAFT)
                  .text;
                const next = insertAtCursor(text, link, textRef.current);
                setDraft(conversation.id, { text: next.text });
                requestAnimationFrame(() => {
                  textRef.current?.focus();
                  textRef.current?.setSelectionRange(next.caret, next.caret);
                });
              }}
            />
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
      )}
    </>
  );
}

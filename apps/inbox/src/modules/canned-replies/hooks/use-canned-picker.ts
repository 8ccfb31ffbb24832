import type { AttachmentDto, CannedReplyDto } from '@switchboard/contracts';
import { useId, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { cannedRepliesApi } from '../api/canned-replies-api';
import { cannedOptionId, type CannedPickerProps } from '../components/canned-picker';
import { useCannedRepliesStore } from '../store/canned-replies-store';
import { matchCannedReplies } from '../utils/fuzzy-match';
import { findSlashTrigger, replaceTrigger, type SlashTrigger } from '../utils/slash-trigger';
import { errorText } from '../../../shared/api/error-text';

export interface CannedPickerOptions {
  conversationId: string;
  textRef: RefObject<HTMLTextAreaElement | null>;
  /** The draft's text now (read at insertion time, not at render time). */
  currentText: () => string;
  setText: (text: string) => void;
  attach: (attachments: AttachmentDto[]) => void;
}

export interface CannedPickerBinding {
  /** Props for <CannedPicker>, or null while it is closed. */
  picker: CannedPickerProps | null;
  /** Call after every change of text or caret. */
  update: () => void;
  /** The composer's keydown runs this first; true means the picker used the key. */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  /** ARIA for the textarea: it controls the list while the picker is open. */
  textareaAria: Record<string, string | undefined>;
}

/** The composer's `/` picker: opens on `/` at a word start, inserts the reply rendered. */
export function useCannedPicker(options: CannedPickerOptions): CannedPickerBinding {
  const { conversationId, textRef, currentText, setText, attach } = options;
  const listId = useId();
  const replies = useCannedRepliesStore((s) => s.replies);
  const [trigger, setTrigger] = useState<SlashTrigger | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  // Esc closes the picker for this `/`; typing elsewhere lets the next `/` open it again.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);

  const matches = useMemo(
    () => (trigger ? matchCannedReplies(replies, trigger.query) : []),
    [replies, trigger],
  );
  const open = trigger !== null && trigger.start !== dismissedAt;

  const update = () => {
    const el = textRef.current;
    if (!el) return;
    const next =
      el.selectionStart === el.selectionEnd ? findSlashTrigger(el.value, el.selectionStart) : null;
    if (next && !trigger) void useCannedRepliesStore.getState().load();
    if (next?.query !== trigger?.query || next?.start !== trigger?.start) setActiveIndex(0);
    if (!next || next.start !== dismissedAt) setDismissedAt(null);
    setTrigger(next);
  };

  const pick = async (reply: CannedReplyDto) => {
    if (!trigger) return;
    const at = trigger;
    setTrigger(null);
    try {
      const rendered = await cannedRepliesApi.render(reply.id, conversationId);
      const text = currentText();
      // The text may have moved on while the server rendered: replace the `/query` if it is
      // still there, otherwise insert at the caret.
      const still = text.slice(at.start, at.end) === `/${at.query}`;
      const caretNow = textRef.current?.selectionStart ?? text.length;
      const next = replaceTrigger(
        text,
        still ? at : { start: caretNow, end: caretNow, query: '' },
        rendered.text,
      );
      // Written now, not on a later frame: a caret placed after the operator typed on would jump
      // back and split their words. Caret at the end of the insertion, still editable.
      flushSync(() => setText(next.text));
      if (rendered.attachments.length > 0) attach(rendered.attachments);
      const el = textRef.current;
      if (el) {
        el.focus();
        el.setSelectionRange(next.caret, next.caret);
      }
    } catch (error) {
      useToastStore
        .getState()
        .show(t('canned.insert_error', { message: errorText(error) }), 'error');
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || event.nativeEvent.isComposing) return false;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (matches.length === 0) return false;
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActiveIndex((i) => (i + step + matches.length) % matches.length);
        return true;
      }
      case 'Enter': {
        const reply = matches[activeIndex];
        if (!reply || event.shiftKey) return false;
        event.preventDefault();
        void pick(reply);
        return true;
      }
      case 'Escape':
        // preventDefault also tells the global shortcuts that Esc was used here.
        event.preventDefault();
        setDismissedAt(trigger.start);
        return true;
      default:
        return false;
    }
  };

  const active = open ? matches[activeIndex] : undefined;
  return {
    picker: open
      ? {
          id: listId,
          query: trigger.query,
          matches,
          activeIndex,
          onPick: (reply) => void pick(reply),
        }
      : null,
    update,
    onKeyDown,
    textareaAria: {
      'aria-controls': open && matches.length > 0 ? listId : undefined,
      'aria-activedescendant': active ? cannedOptionId(listId, active) : undefined,
      'aria-autocomplete': 'list',
    },
  };
}

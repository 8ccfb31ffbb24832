import { useEffect, useId, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { usePeopleStore } from '../../people/store/people-store';
import { mentionOptionId, type MentionPickerProps } from '../components/mention-picker';
import { matchOperators, type Mentionable } from '../utils/match-operators';
import { findMentionTrigger, insertMention, type MentionTrigger } from '../utils/mention-trigger';

export interface MentionPickerOptions {
  /** Only notes mention colleagues: a reply goes to the customer. */
  enabled: boolean;
  textRef: RefObject<HTMLTextAreaElement | null>;
  /** The draft's text now (read at insertion time, not at render time). */
  currentText: () => string;
  setText: (text: string) => void;
}

export interface MentionPickerBinding {
  /** Props for <MentionPicker>, or null while it is closed. */
  picker: MentionPickerProps | null;
  /** Call after every change of text or caret. */
  update: () => void;
  /** The composer's keydown runs this first; true means the picker used the key. */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  /** ARIA for the textarea while the picker is open. */
  textareaAria: Record<string, string | undefined>;
  /** The active colleagues who can be mentioned. */
  operators: readonly Mentionable[];
}

/** The note composer's `@` picker: active operators of the account, type-ahead on name. */
export function useMentionPicker(options: MentionPickerOptions): MentionPickerBinding {
  const { enabled, textRef, currentText, setText } = options;
  const listId = useId();
  const members = usePeopleStore((s) => s.members);
  const loaded = usePeopleStore((s) => s.loaded);
  const [trigger, setTrigger] = useState<MentionTrigger | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);

  const operators = useMemo(() => members.filter((m) => m.active), [members]);
  // Loaded in note mode, so mentions in a restored draft are recognised when it is sent.
  useEffect(() => {
    if (enabled && !loaded && !usePeopleStore.getState().loading)
      void usePeopleStore.getState().load();
  }, [enabled, loaded]);

  const matches = useMemo(
    () => (trigger ? matchOperators(operators, trigger.query) : []),
    [operators, trigger],
  );
  const open = enabled && trigger !== null && trigger.start !== dismissedAt;

  const update = () => {
    const el = textRef.current;
    if (!el || !enabled) {
      setTrigger(null);
      return;
    }
    const next =
      el.selectionStart === el.selectionEnd
        ? findMentionTrigger(el.value, el.selectionStart)
        : null;
    if (next?.query !== trigger?.query || next?.start !== trigger?.start) setActiveIndex(0);
    if (!next || next.start !== dismissedAt) setDismissedAt(null);
    setTrigger(next);
  };

  const pick = (operator: Mentionable) => {
    if (!trigger) return;
    const text = currentText();
    const at = text.slice(trigger.start, trigger.end) === `@${trigger.query}` ? trigger : null;
    setTrigger(null);
    if (!at) return;
    const next = insertMention(text, at, operator.name);
    setText(next.text);
    requestAnimationFrame(() => {
      const el = textRef.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
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
      case 'Enter':
      case 'Tab': {
        const operator = matches[activeIndex];
        if (!operator || event.shiftKey) return false;
        event.preventDefault();
        pick(operator);
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
    picker: open ? { id: listId, query: trigger.query, matches, activeIndex, onPick: pick } : null,
    update,
    onKeyDown,
    textareaAria: open
      ? {
          'aria-controls': matches.length > 0 ? listId : undefined,
          'aria-activedescendant': active ? mentionOptionId(listId, active) : undefined,
          'aria-expanded': 'true',
        }
      : {},
    operators,
  };
}

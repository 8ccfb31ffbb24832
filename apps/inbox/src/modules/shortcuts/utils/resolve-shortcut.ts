export type ShortcutAction =
  | 'next'
  | 'previous'
  | 'close'
  | 'snooze'
  | 'reply'
  | 'assign'
  | 'assign_me'
  | 'back'
  | 'help'
  | 'palette';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Focus is in a text field: letters belong to the text, only Escape is a shortcut. */
  inEditable: boolean;
  /** An IME composition is running (e.g. typing Japanese): never steal its keys. */
  isComposing?: boolean;
}

const LETTER_ACTIONS: Record<string, ShortcutAction> = {
  j: 'next',
  k: 'previous',
  e: 'close',
  s: 'snooze',
  r: 'reply',
  a: 'assign',
  i: 'assign_me',
};

/** The shortcut table, in one pure function so it can be tested without a DOM. */
export function resolveShortcut(input: KeyInput): ShortcutAction | null {
  if (input.isComposing) return null;
  if (input.key === 'Escape') return 'back';
  // Ctrl+K (Cmd+K on a Mac) works from anywhere, text fields included, as in Slack or Linear.
  if (input.key.toLowerCase() === 'k' && input.ctrlKey !== input.metaKey && !input.altKey)
    return 'palette';
  if (input.inEditable || input.ctrlKey || input.metaKey || input.altKey) return null;
  if (input.key === '?') return 'help';
  return LETTER_ACTIONS[input.key.toLowerCase()] ?? null;
}

export const SHORTCUT_LIST: readonly { keys: string; action: ShortcutAction }[] = [
  { keys: 'j', action: 'next' },
  { keys: 'k', action: 'previous' },
  { keys: 'e', action: 'close' },
  { keys: 's', action: 'snooze' },
  { keys: 'r', action: 'reply' },
  { keys: 'a', action: 'assign' },
  { keys: 'i', action: 'assign_me' },
  { keys: 'Esc', action: 'back' },
  { keys: '?', action: 'help' },
  { keys: 'Ctrl K', action: 'palette' },
];

export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
  }
  return false;
}

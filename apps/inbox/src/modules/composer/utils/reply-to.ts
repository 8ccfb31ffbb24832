import type { MessageDto } from '@switchboard/contracts';
import { displayText } from '../../../shared/text/display-text';

/** Long enough to recognise the message, short enough for one line above the composer. */
export const REPLY_EXCERPT_LENGTH = 80;

/**
 * Whether the operator can answer this message specifically. Chat channels thread a reply to one
 * customer message (Telegram shows it quoted); email threads whole conversations, so it has none.
 */
export function canReplyTo(message: MessageDto): boolean {
  return (
    message.kind === 'message' &&
    message.direction === 'incoming' &&
    message.sender.type === 'contact' &&
    message.channel !== 'email' &&
    !message.id.startsWith('local:')
  );
}

/**
 * The quoted message on one line: hidden characters dropped, whitespace collapsed, cut at a code
 * point boundary (never inside an emoji's surrogate pair). Null when nothing visible is left.
 */
export function replyExcerpt(
  text: string | null | undefined,
  max: number = REPLY_EXCERPT_LENGTH,
): string | null {
  if (!text) return null;
  const visible = displayText(text);
  if (visible === '') return null;
  const points = Array.from(visible);
  return points.length <= max ? visible : `${points.slice(0, max).join('').trimEnd()}…`;
}

import { t } from '../../../i18n/i18n';

const MINUTE_MS = 60_000;

/** Where a conversation stands with its channel's reply window (WhatsApp: 24 hours). */
export type ReplyWindow =
  | { state: 'none' }
  | { state: 'open'; closesAt: number; msLeft: number }
  | { state: 'closed'; closesAt: number | null };

/**
 * The window at `now`. Null or absent `closesAt`: the channel has no window (or the server
 * knows of none). An unreadable timestamp is treated as no window: the server still refuses
 * free text outside it, and the composer switches when it does.
 */
export function replyWindowAt(closesAt: string | null | undefined, now: number): ReplyWindow {
  if (!closesAt) return { state: 'none' };
  const at = Date.parse(closesAt);
  if (Number.isNaN(at)) return { state: 'none' };
  const msLeft = at - now;
  return msLeft > 0 ? { state: 'open', closesAt: at, msLeft } : { state: 'closed', closesAt: at };
}

/**
 * Whole minutes left, rounded up: 30 seconds left is "1 min", and the window says "24 h" right
 * after the customer wrote, not "23 h 59 min".
 */
export function minutesLeft(msLeft: number): number {
  return Math.max(0, Math.ceil(msLeft / MINUTE_MS));
}

/** "Reply window: 23 h 12 min left" / "… 24 h left" / "… 12 min left". */
export function formatReplyWindowLeft(msLeft: number): string {
  const total = minutesLeft(msLeft);
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return t('reply_window.left_minutes', { minutes });
  if (minutes === 0) return t('reply_window.left_hours', { hours });
  return t('reply_window.left_hours_minutes', { hours, minutes });
}

/**
 * Milliseconds until the shown minute count changes (or the window closes): the countdown
 * re-renders then rather than on a fixed beat, so it never lags by up to a minute.
 */
export function msUntilNextChange(msLeft: number): number {
  if (msLeft <= 0) return 0;
  return ((msLeft - 1) % MINUTE_MS) + 1;
}

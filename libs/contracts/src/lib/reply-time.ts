import type { BusinessHours } from './business-hours';
import { isWithinBusinessHours, localDayOf, nextOpening } from './business-time';

/**
 * When the team will answer, as words that finish "We'll reply …": "in a few minutes" while open,
 * "today at 14:00", "tomorrow at 09:00", "on Monday at 09:00" or "on 24 Dec at 09:00" when away,
 * in the schedule's own timezone. English: auto-replies are written in the account's language.
 */
export function replyTimePhrase(hours: BusinessHours | null, now: Date): string {
  if (isWithinBusinessHours(hours, now)) return 'in a few minutes';
  const next = hours ? nextOpening(hours, now) : null;
  if (!hours || !next) return 'as soon as we can';
  const zone = hours.timezone;
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  }).format(next);
  const day = localDayOf(zone, next);
  const days = Math.round(
    (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${localDayOf(zone, now)}T00:00:00Z`)) /
      86_400_000,
  );
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  const format: Intl.DateTimeFormatOptions =
    days < 7 ? { weekday: 'long' } : { day: 'numeric', month: 'short' };
  const date = new Intl.DateTimeFormat('en-GB', { ...format, timeZone: zone }).format(next);
  return `on ${date} at ${time}`;
}

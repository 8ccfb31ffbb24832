import type { WidgetAvailabilityDto } from '../shared/widget-wire';
import type { ChatTexts } from './i18n';

/**
 * When the team will answer, in the visitor's own language and timezone: "We typically reply in a
 * few minutes" while the inbox is open, "We're away — we'll reply on Monday at 09:00" when not.
 * Empty when the inbox keeps no schedule (nothing honest to promise).
 */
export function availabilityText(
  availability: WidgetAvailabilityDto | null,
  texts: ChatTexts,
  locale: string,
  now: Date = new Date(),
): string {
  if (!availability) return '';
  const next = availability.nextOpening ? new Date(availability.nextOpening) : null;
  if (availability.openNow || (next && next.getTime() <= now.getTime())) return texts.replySoon;
  if (!next || Number.isNaN(next.getTime())) return texts.awayLater;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(next);
  const days = Math.round((startOfDay(next) - startOfDay(now)) / 86_400_000);
  if (days === 0) return texts.awayToday(time);
  if (days === 1) return texts.awayTomorrow(time);
  const day = new Intl.DateTimeFormat(
    locale,
    days < 7 ? { weekday: 'long' } : { day: 'numeric', month: 'long' },
  ).format(next);
  return texts.awayOn(day, time);
}

/** Local midnight, in the visitor's timezone (the browser's). */
function startOfDay(at: Date): number {
  return new Date(at.getFullYear(), at.getMonth(), at.getDate()).getTime();
}

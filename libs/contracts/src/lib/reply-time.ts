import type { BusinessHours } from './business-hours';
import { isWithinBusinessHours, localDayOf, nextOpening } from './business-time';
import { REPLY_TIME_TEXTS } from './reply-time-texts';
import type { SupportedLanguage } from './supported-language';

/** Within this many minutes of opening, the count says it better than the clock ("in 20 minutes"). */
const MINUTES_AHEAD = 60;

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

function minutesPhrase(language: SupportedLanguage, count: number): string {
  const forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string } =
    REPLY_TIME_TEXTS[language].minutes;
  const category = new Intl.PluralRules(language).select(count);
  return fill(forms[category] ?? forms.other, { count: String(count) });
}

/**
 * When the team will answer, as words that finish "We'll reply …": "in a few minutes" while open,
 * "in 20 minutes" just before opening, "today at 14:00", "tomorrow at 09:00", "on Monday at 09:00"
 * or "on 24 Dec at 09:00" when away, in the schedule's own timezone and in the given language
 * (the customer's, when the channel told us; see replyTimeLanguage).
 */
export function replyTimePhrase(
  hours: BusinessHours | null,
  now: Date,
  language: SupportedLanguage = 'en',
): string {
  const texts = REPLY_TIME_TEXTS[language];
  if (isWithinBusinessHours(hours, now)) return texts.open;
  const next = hours ? nextOpening(hours, now) : null;
  if (!hours || !next) return texts.unknown;
  const minutes = Math.ceil((next.getTime() - now.getTime()) / 60_000);
  if (minutes <= MINUTES_AHEAD) return minutesPhrase(language, Math.max(1, minutes));
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
  if (days === 0) return fill(texts.today, { time });
  if (days === 1) return fill(texts.tomorrow, { time });
  if (days < 7) {
    const weekday = texts.weekdays[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? '';
    return fill(texts.weekday, { weekday, time });
  }
  const date = new Intl.DateTimeFormat(texts.dateLocale, {
    day: 'numeric',
    month: language === 'en' ? 'short' : 'long',
    timeZone: zone,
  }).format(next);
  return fill(texts.date, { date, time });
}

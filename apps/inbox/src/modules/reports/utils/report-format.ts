import type { ReportBucket } from '@switchboard/contracts';
import { currentLocale, t } from '../../../i18n/i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A duration as support leads read it: "45s", "4m 12s", "2h 05m", "3d 04h". Two units are enough
 * to compare; the smaller is zero-padded so columns line up. Null (nothing measured) is a dash.
 */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return t('reports.none');
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return t('reports.duration.seconds', { s: total });
  if (total < 3600)
    return t('reports.duration.minutes', { m: Math.floor(total / 60), s: pad(total % 60) });
  if (total < 86_400) {
    const minutes = Math.floor(total / 60);
    return t('reports.duration.hours', { h: Math.floor(minutes / 60), m: pad(minutes % 60) });
  }
  const hours = Math.floor(total / 3600);
  return t('reports.duration.days', { d: Math.floor(hours / 24), h: pad(hours % 24) });
}

export function formatCount(value: number): string {
  return new Intl.NumberFormat(currentLocale()).format(value);
}

/** A share 0..1 as a percentage ("93.5%"); null is a dash. */
export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return t('reports.none');
  return new Intl.NumberFormat(currentLocale(), {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(share);
}

/** An average rating with two decimals ("4.50"); null is a dash. */
export function formatRating(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return t('reports.none');
  return new Intl.NumberFormat(currentLocale(), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** NPS runs from -100 to +100: the sign is part of the reading. */
export function formatNps(score: number | null): string {
  if (score === null || !Number.isFinite(score)) return t('reports.none');
  return new Intl.NumberFormat(currentLocale(), {
    signDisplay: 'exceptZero',
    maximumFractionDigits: 0,
  }).format(score);
}

/** How long ago an instant was, as a duration ("waiting 2h 05m"). */
export function formatWaitSince(since: string, now: number = Date.now()): string {
  return formatDuration(Math.max(0, (now - Date.parse(since)) / 1000));
}

/** A bucket's first day as its label: "3 Mar 2025", "Week of 3 Mar 2025", "March 2025". */
export function formatBucketStart(start: string, bucket: ReportBucket): string {
  const date = new Date(`${start}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return start;
  // The day is a calendar day already: format it in UTC so no timezone moves it.
  if (bucket === 'month')
    return new Intl.DateTimeFormat(currentLocale(), {
      timeZone: 'UTC',
      month: 'long',
      year: 'numeric',
    }).format(date);
  const day = new Intl.DateTimeFormat(currentLocale(), {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(date);
  return bucket === 'week' ? t('reports.week_of', { day }) : day;
}

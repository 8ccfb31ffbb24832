import { MAX_REPORT_DAYS, type ReportBucket } from '@switchboard/contracts';
import { AppException } from '../../core/http/app.exception';
import { daysInPeriod } from './report-days';

const DAY = 86_400_000;

function parseDay(text: string, which: string): number {
  const t = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== text)
    throw new AppException('INVALID_REPORT_PERIOD', `The ${which} ${text} is not a calendar date`);
  return t;
}

/** Refuses an end before the start and a period longer than MAX_REPORT_DAYS (422, the reason). */
export function checkPeriod(from: string, to: string): void {
  parseDay(from, 'start');
  parseDay(to, 'end');
  const days = daysInPeriod(from, to);
  if (days < 1)
    throw new AppException('INVALID_REPORT_PERIOD', `The end ${to} is before the start ${from}`);
  if (days > MAX_REPORT_DAYS)
    throw new AppException(
      'INVALID_REPORT_PERIOD',
      `The period has ${days} days; a report covers at most ${MAX_REPORT_DAYS}`,
    );
}

/** The first local day of each bucket in the period, clipped to its start; weeks start Monday. */
export function bucketStarts(from: string, to: string, bucket: ReportBucket): string[] {
  const starts: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += DAY) {
    const d = new Date(t);
    let start = t;
    if (bucket === 'week') start = t - ((d.getUTCDay() + 6) % 7) * DAY;
    if (bucket === 'month') start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    const day = new Date(Math.max(start, Date.parse(`${from}T00:00:00Z`)))
      .toISOString()
      .slice(0, 10);
    if (starts[starts.length - 1] !== day) starts.push(day);
  }
  return starts;
}

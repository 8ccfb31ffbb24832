import { MAX_REPORT_DAYS } from '@switchboard/contracts';
import { daysIn, isLocalDay, type DayRange } from './report-period';

export type PeriodProblem = 'incomplete' | 'end_before_start' | 'too_long';

/** Why a custom period cannot be asked for (the server would refuse it), or null when it can. */
export function periodProblem(range: DayRange): PeriodProblem | null {
  if (!isLocalDay(range.from) || !isLocalDay(range.to)) return 'incomplete';
  if (range.to < range.from) return 'end_before_start';
  if (daysIn(range) > MAX_REPORT_DAYS) return 'too_long';
  return null;
}

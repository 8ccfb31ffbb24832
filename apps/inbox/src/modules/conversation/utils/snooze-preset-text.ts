import { formatUpcoming, formatWeekdayDateTime, formatWeekdayTime } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import type { SnoozePreset } from './snooze-presets';

export interface SnoozePresetText {
  /** What it is: "Tomorrow". */
  label: string;
  /** When exactly, on the operator's clock: "Mon 09:00". */
  hint: string;
}

/**
 * The words for a preset. Days are named, never implied: "Tomorrow" shows its weekday and "Next
 * week" its date, so the two can never read alike (on a Sunday only "Tomorrow" is offered).
 */
export function snoozePresetText(preset: SnoozePreset, now: Date): SnoozePresetText {
  const label = t(`snooze.${preset.id}`);
  switch (preset.id) {
    case 'tomorrow_morning':
      return { label, hint: formatWeekdayTime(preset.until) };
    case 'next_monday':
      return { label, hint: formatWeekdayDateTime(preset.until) };
    default:
      return { label, hint: formatUpcoming(preset.until, now) };
  }
}

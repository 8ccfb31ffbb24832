import { z } from 'zod';

/** Days as `Date.getUTCDay()` numbers them in the schedule's own timezone: 0 is Sunday. */
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

const clock = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM, 00:00 to 24:00');

/** One open stretch of a weekday, local time of the schedule (`to` after `from`; `24:00` ends the day). */
export const businessIntervalSchema = z
  .object({ day: z.number().int().min(0).max(6), from: clock, to: clock })
  .refine((i) => i.from < i.to, { message: 'to must be after from' });

/**
 * An inbox's working time: IANA timezone, weekly open intervals, and holidays (whole local days,
 * `YYYY-MM-DD`, closed). No schedule (null on the inbox) means always open.
 */
export const businessHoursSchema = z.object({
  timezone: z.string().min(1).max(64),
  intervals: z.array(businessIntervalSchema).max(70),
  holidays: z
    .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/))
    .max(366)
    .default([]),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;
export type BusinessInterval = z.infer<typeof businessIntervalSchema>;

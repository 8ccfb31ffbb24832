import { z } from 'zod';
import type { ActorRef } from './activities';
import type { IsoDateTime } from './dtos';
import { safeText } from './safe-text';

/*
 * Time tracking: the seconds each operator spends on each conversation, measured by the SPA while
 * the conversation is in front of an active operator, and corrected by hand with a reason.
 */

/** The SPA sends a heartbeat this often while a conversation is open. */
export const TIME_HEARTBEAT_INTERVAL_SECONDS = 15;
/** The most one heartbeat can add: a little more than the interval, for a late timer. */
export const MAX_HEARTBEAT_SECONDS = 20;
/** No key, pointer or scroll input for this long: the operator is idle and time stops. */
export const TIME_IDLE_AFTER_SECONDS = 60;
/** A correction moves an operator's time by at most this much (a thousand hours). */
export const MAX_TIME_ADJUSTMENT_SECONDS = 3_600_000;
export const MAX_TIME_REASON_LENGTH = 500;

/**
 * `POST /api/conversations/:id/time/heartbeat`: active seconds since the previous heartbeat. The
 * server never credits more than MAX_HEARTBEAT_SECONDS, nor more than wall time allows.
 */
export const timeHeartbeatRequestSchema = z.object({
  seconds: z.number().int().min(0).max(86_400),
});
export type TimeHeartbeatRequest = z.output<typeof timeHeartbeatRequestSchema>;

/** How far back a correction may date the work it accounts for. */
export const MAX_TIME_ADJUSTMENT_DAYS_BACK = 366;

/**
 * `POST /api/conversations/:id/time/adjustments`: adds (or, negative, removes) seconds of an
 * operator's time on the conversation, with the reason. `operatorId` (another operator's time) is
 * for admins; by default it is the caller's own time. An operator's total never goes below 0.
 * `day` (a local day of the account's timezone, not in the future and at most
 * MAX_TIME_ADJUSTMENT_DAYS_BACK ago) is when the work was done, so reports count it then; by
 * default, now.
 */
export const timeAdjustmentRequestSchema = z.object({
  seconds: z
    .number()
    .int()
    .min(-MAX_TIME_ADJUSTMENT_SECONDS)
    .max(MAX_TIME_ADJUSTMENT_SECONDS)
    .refine((s) => s !== 0, 'a correction of 0 seconds changes nothing'),
  reason: safeText().trim().min(1, 'say why the time is corrected').max(MAX_TIME_REASON_LENGTH),
  operatorId: z.string().uuid().optional(),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'not a date')
    .optional(),
});
export type TimeAdjustmentRequest = z.output<typeof timeAdjustmentRequestSchema>;

/** What a heartbeat credited, and the figures the header shows. */
export interface TimeHeartbeatDto {
  credited: number;
  totalSeconds: number;
  mineSeconds: number;
}

export type TimeEntrySource = 'tracked' | 'manual';

/** A tracked segment of work, or a correction (with who made it and why). */
export interface TimeEntryDto {
  id: string;
  source: TimeEntrySource;
  /** Whose time it is. */
  operator: ActorRef;
  startedAt: IsoDateTime;
  seconds: number;
  /** Corrections only. */
  reason: string | null;
  /** Corrections only: who made it. */
  by: ActorRef | null;
}

/** `GET /api/conversations/:id/time`. */
export interface ConversationTimeDto {
  conversationId: string;
  totalSeconds: number;
  /** The caller's own time on the conversation. */
  mineSeconds: number;
  operators: Array<{ operator: ActorRef; seconds: number }>;
  /** Newest first, at most 100. */
  entries: TimeEntryDto[];
}

/** ISO 4217 code, such as EUR. */
const currency = () => z.string().regex(/^[A-Z]{3}$/, 'a currency code such as EUR');

/**
 * `PUT /api/inboxes/:id/time-rate` (admins): the hourly rate the inbox's work costs, or null for
 * none. A rate needs its currency.
 */
export const inboxTimeRateRequestSchema = z
  .object({
    hourlyRate: z
      .number()
      .min(0)
      .max(1_000_000)
      .refine((n) => Math.round(n * 100) === n * 100, 'at most two decimals')
      .nullable(),
    currency: currency().nullable(),
  })
  .refine((v) => (v.hourlyRate === null) === (v.currency === null), {
    message: 'a rate needs its currency, and no rate no currency',
    path: ['currency'],
  });
export type InboxTimeRateRequest = z.output<typeof inboxTimeRateRequestSchema>;

export interface InboxTimeRateDto {
  inboxId: string;
  hourlyRate: number | null;
  currency: string | null;
}

export const TIME_REPORT_GROUPS = ['operator', 'inbox', 'tag', 'contact'] as const;
export type TimeReportGroup = (typeof TIME_REPORT_GROUPS)[number];

const day = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/**
 * `GET /api/reports/time` (admins): `from` and `to` are local days of the account's timezone, both
 * included; an end before the start or more than MAX_REPORT_DAYS is 422 `INVALID_REPORT_PERIOD`.
 * `format=csv` streams every row as CSV.
 */
export const timeReportQuerySchema = z.object({
  from: day(),
  to: day(),
  groupBy: z.enum(TIME_REPORT_GROUPS).default('operator'),
  format: z.enum(['json', 'csv']).default('json'),
});
export type TimeReportQuery = z.output<typeof timeReportQuerySchema>;

export interface TimeCostDto {
  amount: number;
  currency: string;
}

export interface TimeReportRowDto {
  /** The operator's, inbox's, tag's or contact's id; null for "no tag" / "no contact". */
  key: string | null;
  label: string;
  seconds: number;
  conversations: number;
  /** Seconds times the inbox's hourly rate; null when no inbox of the row has a rate (or they differ in currency, see `costs`). */
  cost: TimeCostDto | null;
  /** The cost per currency (usually one). */
  costs: TimeCostDto[];
}

export interface TimeReportDto {
  from: string;
  to: string;
  timezone: string;
  groupBy: TimeReportGroup;
  /** The most time first; at most MAX_TIME_REPORT_ROWS (the CSV has every row). */
  rows: TimeReportRowDto[];
  truncated: boolean;
}

export const MAX_TIME_REPORT_ROWS = 500;

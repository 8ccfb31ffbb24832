import { Injectable } from '@nestjs/common';
import {
  MAX_REPORT_DAYS,
  MAX_TIME_REPORT_ROWS,
  timeReportQuerySchema,
  type TimeReportDto,
  type TimeReportGroup,
  type TimeReportQuery,
  type TimeReportRowDto,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException } from '../../core/http/app.exception';
import { csvLine } from '../contacts/csv/csv-writer';
import {
  TimeReportRepository,
  type TimeReportPeriod,
  type TimeReportRaw,
} from './time-report.repository';

const DAY_MS = 86_400_000;

const NO_KEY_LABEL: Record<TimeReportGroup, string> = {
  operator: 'Unknown operator',
  inbox: 'Unknown inbox',
  tag: 'No tag',
  contact: 'Unknown contact',
};

/** A YYYY-MM-DD that is a real day, as UTC midnight; else the refusal naming the field. */
function dayOf(field: string, value: string): number {
  const at = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== value)
    throw new AppException('INVALID_REPORT_PERIOD', `${field}: ${value} is not a date`);
  return at;
}

/** Refuses a period that ends before it starts or is longer than MAX_REPORT_DAYS (422). */
export function checkPeriod(from: string, to: string): void {
  const start = dayOf('from', from);
  const end = dayOf('to', to);
  if (end < start)
    throw new AppException('INVALID_REPORT_PERIOD', `to: ${to} is before from: ${from}`);
  const days = (end - start) / DAY_MS + 1;
  if (days > MAX_REPORT_DAYS)
    throw new AppException(
      'INVALID_REPORT_PERIOD',
      `the period has ${days} days; a report covers at most ${MAX_REPORT_DAYS}`,
    );
}

export function toRow(groupBy: TimeReportGroup, raw: TimeReportRaw): TimeReportRowDto {
  const costs = raw.costs.map((c) => ({ currency: c.currency, amount: Number(c.amount) }));
  return {
    key: raw.key,
    label: raw.label ?? NO_KEY_LABEL[groupBy],
    seconds: Number(raw.seconds),
    conversations: Number(raw.conversations),
    cost: costs.length === 1 ? (costs[0] ?? null) : null,
    costs,
  };
}

const CSV_HEADER = ['key', 'label', 'seconds', 'hours', 'conversations', 'cost', 'currency'];

function csvRow(row: TimeReportRowDto): string {
  const cost = row.cost
    ? [row.cost.amount.toFixed(2), row.cost.currency]
    : row.costs.length > 1
      ? ['', row.costs.map((c) => `${c.amount.toFixed(2)} ${c.currency}`).join('; ')]
      : ['', ''];
  return csvLine([
    row.key ?? '',
    row.label,
    row.seconds,
    (row.seconds / 3600).toFixed(2),
    row.conversations,
    ...cost,
  ]);
}

/** The time report for admins: JSON (the most time first) or every row as CSV, streamed. */
@Injectable()
export class TimeReportService {
  constructor(private readonly repo: TimeReportRepository) {}

  /** Checks who asks and what before anything is read or sent (a refusal is a JSON error). */
  async period(
    op: AuthenticatedOperator,
    raw: unknown,
  ): Promise<TimeReportQuery & TimeReportPeriod> {
    if (op.role !== 'admin') throw new AppException('FORBIDDEN', 'Only admins can see reports');
    const q = timeReportQuerySchema.parse(raw ?? {});
    checkPeriod(q.from, q.to);
    return { ...q, accountId: op.accountId, timezone: await this.repo.timezone(op.accountId) };
  }

  async report(period: TimeReportQuery & TimeReportPeriod): Promise<TimeReportDto> {
    const rows = await this.repo.rows(period, MAX_TIME_REPORT_ROWS + 1);
    return {
      from: period.from,
      to: period.to,
      timezone: period.timezone,
      groupBy: period.groupBy,
      rows: rows.slice(0, MAX_TIME_REPORT_ROWS).map((r) => toRow(period.groupBy, r)),
      truncated: rows.length > MAX_TIME_REPORT_ROWS,
    };
  }

  /** The CSV, line by line: a header, then every row, the most time first. */
  async *csv(period: TimeReportPeriod): AsyncGenerator<string> {
    yield `\uFEFF${csvLine(CSV_HEADER)}`;
    for await (const batch of this.repo.stream(period))
      for (const raw of batch) yield csvRow(toRow(period.groupBy, raw));
  }
}

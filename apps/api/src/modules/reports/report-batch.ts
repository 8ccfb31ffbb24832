import type { BusinessHours } from '@switchboard/contracts';
import type { ReportResponseEntity } from './entities/report-response.entity';
import type { TimeFact } from './report-cells.repository';
import {
  DAILY_COLUMNS,
  dimKey,
  type DailyColumn,
  type DailyDelta,
} from './report-facts.repository';
import type { ReportDims, ReportInput } from './report-fold';
import type { BacklogDelta } from './report-spans.repository';

/** Everything one batch writes, gathered so counters and responses go in one statement each. */
export class BatchWrites {
  readonly daily = new Map<string, DailyDelta>();
  readonly responses: Array<Omit<ReportResponseEntity, 'id' | 'account'>> = [];
  /** Response and resolution times for the rollup cells. */
  readonly times: TimeFact[] = [];
  /** Backlog spans opened and ended, per day and owner. */
  readonly backlog = new Map<string, BacklogDelta>();

  span(conversationId: string, day: string, dims: ReportDims, change: 'opened' | 'ended'): void {
    const key = `${conversationId}|${day}|${dimKey(dims)}`;
    let row = this.backlog.get(key);
    if (!row) this.backlog.set(key, (row = { conversationId, day, dims, opened: 0, ended: 0 }));
    row[change] += 1;
  }

  add(accountId: string, input: ReportInput, day: string, column: DailyColumn, by = 1): void {
    const key = `${input.conversationId}|${day}|${dimKey(input.dims)}`;
    let row = this.daily.get(key);
    if (!row) {
      const counts = Object.fromEntries(DAILY_COLUMNS.map((c) => [c, 0])) as DailyDelta['counts'];
      row = { accountId, conversationId: input.conversationId, day, dims: input.dims, counts };
      this.daily.set(key, row);
    }
    row.counts[column] += by;
  }
}

/** What a batch shares between its events: writes, schedules, and the open backlog spans. */
export interface Batch {
  accountId: string;
  writes: BatchWrites;
  hours: Map<string, BusinessHours | null>;
  spans: Map<string, OpenSpan>;
  /** Conversations whose open span moved to another owner or place in this batch. */
  moved: Set<string>;
}

export interface OpenSpan {
  id: string;
  dims: ReportDims;
  startedAt: Date;
  startedDay: string;
}

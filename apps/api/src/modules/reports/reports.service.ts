import { Injectable } from '@nestjs/common';
import {
  supportedLanguage,
  type ReportDto,
  type ReportNowDto,
  type ReportQuery,
  type ReportSeriesDto,
  type SupportedLanguage,
} from '@switchboard/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException } from '../../core/http/app.exception';
import { OperatorConnectionsRepository } from '../routing/operator-connections.repository';
import { CellReport } from './report-cell-table';
import { cellPlan, type CellPlan } from './cell-dims';
import { ReportCellsRepository, type CellScope } from './report-cells.repository';
import { ReportFactsRepository } from './report-facts.repository';
import { ReportTagOverlapRepository } from './report-tag-overlap.repository';
import { MetricsTable } from './report-metrics';
import { bucketStarts, checkPeriod } from './report-period';
import {
  ReportQueriesRepository,
  type BacklogRow,
  type ReportScope,
} from './report-queries.repository';
import { ReportsNowRepository } from './reports-now.repository';

export function requireReportsAdmin(op: AuthenticatedOperator): void {
  if (op.role !== 'admin') throw new AppException('FORBIDDEN', 'Only admins can read reports');
}

/** Reports from the facts the `reports` consumer keeps, and the live "now" panel. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly queries: ReportQueriesRepository,
    private readonly cells: ReportCellsRepository,
    private readonly overlap: ReportTagOverlapRepository,
    private readonly facts: ReportFactsRepository,
    private readonly now: ReportsNowRepository,
    private readonly connections: OperatorConnectionsRepository,
  ) {}

  /** The language a CSV names its rows in: the operator's profile, else their browser's. */
  async csvLanguage(
    op: AuthenticatedOperator,
    acceptLanguage: string | undefined,
  ): Promise<SupportedLanguage> {
    return supportedLanguage(await this.queries.operatorLocale(op.id), acceptLanguage);
  }

  /**
   * `read: 'facts'` skips the rollup cells (the integration test checks that both give the same
   * figures); the API never passes it.
   */
  async report(
    op: AuthenticatedOperator,
    query: ReportQuery,
    read: 'auto' | 'facts' = 'auto',
  ): Promise<ReportDto> {
    requireReportsAdmin(op);
    checkPeriod(query.from, query.to);
    const timezone = await this.facts.timezoneOf(this.ds.manager, op.accountId);
    const scope: ReportScope = { accountId: op.accountId, timezone, query };
    const group = query.groupBy;
    const buckets = bucketStarts(query.from, query.to, query.bucket);
    const plan =
      read === 'auto' ? cellPlan(query, await this.queries.inboxChannels(op.accountId)) : null;
    const { totals, grouped } = plan
      ? await this.fromCells(scope, plan, buckets)
      : await this.fromFacts(scope, buckets);
    const keys = grouped ? [...grouped.byKey.keys()] : [null];
    const labels = await this.queries.labels(
      op.accountId,
      group,
      keys.filter((k): k is string => k !== null),
    );
    const source = grouped ?? totals;
    const series: ReportSeriesDto[] = keys.map((key) => ({
      key,
      label: key === null ? (group === 'none' ? 'All' : 'None') : (labels.get(key) ?? key),
      buckets: buckets.map((start) => ({ start, metrics: source.at(key, start) })),
      totals: source.at(key, null),
    }));
    series.sort((a, b) => a.label.localeCompare(b.label));
    return {
      from: query.from,
      to: query.to,
      timezone,
      bucket: query.bucket,
      groupBy: group,
      businessHours: query.businessHours,
      series,
      totals: totals.at(null, null),
    };
  }

  /**
   * Grouping and filters the cells answer: the period's rollup cells (a few rows a day per value)
   * and the backlog now. The totals are the union of the groups' cells, or, grouped by tag (a
   * conversation may have several), their own cells.
   */
  private async fromCells(scope: ReportScope, plan: CellPlan, buckets: string[]) {
    const q = scope.query;
    const read = await this.readCells(scope, plan);
    const { grouped, totals } = read.report.tables();
    if (q.groupBy === 'none') {
      // Ungrouped (perhaps filtered): one series, its buckets and the totals.
      grouped.addBacklog(collapse(read.base), collapse(read.deltas), buckets);
      return { totals: grouped, grouped: null };
    }
    grouped.addBacklog(read.base, read.deltas, buckets);
    if (plan.totals) {
      const whole = await this.readCells(scope, plan.totals);
      const own = whole.report.tables().totals;
      own.addBacklog(collapse(whole.base), collapse(whole.deltas), buckets);
      return { totals: own, grouped };
    }
    totals.addBacklog(collapse(read.base), collapse(read.deltas), buckets);
    return { totals, grouped };
  }

  /**
   * Several tags at once: what their cells count too many, read from the facts of the conversations
   * carrying two of the tags (most unions have none, and then nothing more is read).
   */
  private async overlapExcess(scope: CellScope, tags: string[], business: boolean) {
    const found = await this.overlap.overlap(scope.accountId, tags);
    if (found.conversationIds.length === 0) return null;
    const [counters, times, backlog] = await Promise.all([
      this.overlap.counters(scope, found),
      this.overlap.times(scope, found, business),
      this.overlap.backlog(scope, found),
    ]);
    return [counters, times, backlog.open, backlog.since] as const;
  }

  /** One plan's cells read and gathered: counters, times, and the backlog's rows. */
  private async readCells(scope: ReportScope, plan: CellPlan) {
    const q = scope.query;
    const cellScope = {
      accountId: scope.accountId,
      from: q.from,
      to: q.to,
      dim: plan.dim,
      parts: plan.parts,
    };
    const [[counters, times, open, since], excess] = await Promise.all([
      Promise.all([
        this.cells.counterCells(cellScope),
        this.cells.timeCells(cellScope, q.businessHours),
        this.cells.openCounts(cellScope),
        this.cells.backlogSince(cellScope),
      ]),
      plan.overlap ? this.overlapExcess(cellScope, plan.overlap, q.businessHours) : null,
    ]);
    const [extraCounters, extraTimes, extraOpen, extraSince] = excess ?? [[], [], [], []];
    const report = new CellReport(q.bucket, q.from, plan.groupPart, plan.keyOf);
    report.addCounters(counters);
    report.addCounters(extraCounters, -1);
    report.addTimes(times, extraTimes);
    const minusOpen = extraOpen.map((r) => ({ ...r, open: -Number(r.open) }));
    const minusSince = extraSince.map((r) => ({
      ...r,
      opened: -Number(r.opened),
      ended: -Number(r.ended),
    }));
    return {
      report,
      ...report.backlog([...open, ...minusOpen], [...since, ...minusSince], q.to),
    };
  }

  /**
   * The same report aggregated from the period's facts (the integration test checks that the
   * cells give the same figures). The totals are read without the group's join: a conversation
   * with two tags counts once.
   */
  private async fromFacts(scope: ReportScope, buckets: string[]) {
    const group = scope.query.groupBy;
    const [totals, grouped] = await Promise.all([
      this.table(scope, 'none', buckets),
      group === 'none' ? null : this.table(scope, group, buckets),
    ]);
    return { totals, grouped };
  }

  private async table(scope: ReportScope, group: ReportQuery['groupBy'], buckets: string[]) {
    const [counters, responses, resolutions, base, deltas] = await Promise.all([
      this.queries.counters(scope, group),
      this.queries.responses(scope, group),
      this.queries.resolutions(scope, group),
      this.queries.backlogBase(scope, group),
      this.queries.backlogDeltas(scope, group),
    ]);
    const table = new MetricsTable();
    table.addCounters(counters);
    table.addTimes(responses);
    table.addTimes(resolutions);
    table.addBacklog(base, deltas, buckets);
    return table;
  }

  async live(op: AuthenticatedOperator): Promise<ReportNowDto> {
    requireReportsAdmin(op);
    const [counts, waiting, loads, maxOpen, queued] = await Promise.all([
      this.now.openCounts(op.accountId),
      this.now.longestWaiting(op.accountId),
      this.connections.loads(op.accountId),
      this.now.maxOpen(op.accountId),
      this.now.queued(op.accountId),
    ]);
    return {
      ...counts,
      longestWaiting: waiting
        ? {
            conversationId: waiting.id,
            number: waiting.number,
            since: waiting.lastIncomingAt.toISOString(),
          }
        : null,
      operators: loads.map((l) => ({
        id: l.operatorId,
        name: l.name,
        online: l.available,
        openAssigned: Number(l.openAssigned),
        maxOpen: maxOpen.get(l.operatorId) ?? null,
      })),
      queued,
    };
  }
}

/** The backlog's rows summed over the groups (each cycle has one value of a cell dimension). */
function collapse(rows: BacklogRow[]): BacklogRow[] {
  const sums = new Map<string | null, number>();
  for (const r of rows) sums.set(r.bucket, (sums.get(r.bucket) ?? 0) + Number(r.count));
  return [...sums].map(([bucket, count]) => ({ bucket, key: null, count: String(count) }));
}

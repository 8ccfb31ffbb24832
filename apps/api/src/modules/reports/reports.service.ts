import { Injectable } from '@nestjs/common';
import type { ReportDto, ReportNowDto, ReportQuery, ReportSeriesDto } from '@switchboard/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException } from '../../core/http/app.exception';
import { OperatorConnectionsRepository } from '../routing/operator-connections.repository';
import { ReportFactsRepository } from './report-facts.repository';
import { MetricsTable } from './report-metrics';
import { bucketStarts, checkPeriod } from './report-period';
import { ReportQueriesRepository, type ReportScope } from './report-queries.repository';
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
    private readonly facts: ReportFactsRepository,
    private readonly now: ReportsNowRepository,
    private readonly connections: OperatorConnectionsRepository,
  ) {}

  async report(op: AuthenticatedOperator, query: ReportQuery): Promise<ReportDto> {
    requireReportsAdmin(op);
    checkPeriod(query.from, query.to);
    const timezone = await this.facts.timezoneOf(this.ds.manager, op.accountId);
    const scope: ReportScope = { accountId: op.accountId, timezone, query };
    const group = query.groupBy;
    const buckets = bucketStarts(query.from, query.to, query.bucket);
    // The whole period across groups is read without the group's join: a conversation with two
    // tags counts once in the totals.
    const [totals, grouped] = await Promise.all([
      this.table(scope, 'none', buckets),
      group === 'none' ? null : this.table(scope, group, buckets),
    ]);
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

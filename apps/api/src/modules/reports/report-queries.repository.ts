import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReportGroup, ReportQuery } from '@switchboard/contracts';
import { In, type DataSource } from 'typeorm';
import { queryRows } from '../../core/database/sql-rows';
import { TeamEntity } from '../access/entities/team.entity';
import { InboxEntity } from '../inboxes/entities/inbox.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';
import { TagEntity } from '../tags/entities/tag.entity';
import { DAILY_COLUMNS, type DailyColumn } from './report-facts.repository';

/** A row of a grouped aggregate: `bucket` null for the whole period of its group. */
interface Keyed {
  bucket: string | null;
  key: string | null;
}
export type CounterRow = Keyed & Record<DailyColumn, string | null>;
export type TimeRow = Keyed & {
  kind: string;
  count: string;
  median: number | null;
  p90: number | null;
  average: number | null;
};
export type BacklogRow = Keyed & { count: string };

/** The group's key in SQL (never built from input: one of these fixed strings). */
const KEY: Record<ReportGroup, string> = {
  none: 'NULL::text',
  channel: 'x.channel',
  inbox: 'x.inbox_id::text',
  team: 'x.team_id::text',
  operator: 'x.operator_id::text',
  tag: 'ct.tag_id::text',
};

/** A report's period and filters as the statements' parameters ($1 … $10). */
export interface ReportScope {
  accountId: string;
  timezone: string;
  query: ReportQuery;
}

/**
 * The reports' reads over facts: the reference the rollup cells are checked against (requests
 * read the cells; `ReportsService.report(…, 'facts')` reads these). Aggregates over the period's
 * facts only (each table is read by (account, local day)); the backlog is the spans open at the
 * period's start (their GiST range index) plus the spans started minus those ended in each
 * bucket. Exact percentiles come from percentile_cont over the period's facts.
 */
@Injectable()
export class ReportQueriesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The language the operator chose in their profile (null follows their browser). */
  async operatorLocale(operatorId: string): Promise<string | null> {
    const row = await this.ds
      .getRepository(OperatorEntity)
      .findOne({ select: { locale: true }, where: { id: operatorId } });
    return row?.locale ?? null;
  }

  counters(scope: ReportScope, group: ReportGroup): Promise<CounterRow[]> {
    const sums = DAILY_COLUMNS.map((c) => `sum(x.${c}) AS ${c}`).join(', ');
    // raw SQL: GROUPING SETS (per bucket and per group in one pass), measured in the reports bench.
    return this.grouped<CounterRow>(scope, group, 'report_daily', 'x.day', sums, '');
  }

  /** First and next response times, median / p90 / mean per bucket and group. */
  responses(scope: ReportScope, group: ReportGroup): Promise<TimeRow[]> {
    const col = scope.query.businessHours ? 'x.business_seconds' : 'x.seconds';
    // raw SQL: percentile_cont WITHIN GROUP over GROUPING SETS, which the builder cannot write.
    return this.grouped<TimeRow>(
      scope,
      group,
      'report_responses',
      'x.day',
      timeStats(col),
      'x.kind',
    );
  }

  /** Resolution times of the cycles closed in the period (a merge is not a resolution). */
  resolutions(scope: ReportScope, group: ReportGroup): Promise<TimeRow[]> {
    const col = scope.query.businessHours ? 'x.business_seconds' : 'x.seconds';
    // raw SQL: percentile_cont WITHIN GROUP over GROUPING SETS, which the builder cannot write.
    return this.grouped<TimeRow>(
      scope,
      group,
      'report_cycles',
      'x.closed_day',
      timeStats(col),
      `'resolution'::text`,
      'AND NOT x.merged',
    );
  }

  /**
   * The backlog's base: spans open at the period's first instant (started before it, not ended
   * before it), one probe of the GiST range index whatever the history's length; each span counts
   * for the owner it had then.
   */
  backlogBase(scope: ReportScope, group: ReportGroup): Promise<BacklogRow[]> {
    const { tagJoin, filters } = clauses(group);
    // raw SQL: tstzrange containment on the GiST range index (btree_gist), which the builder lacks.
    return queryRows<BacklogRow>(
      this.ds.manager,
      `SELECT NULL::text AS bucket, ${KEY[group]} AS key, count(*) AS count
         FROM report_spans x ${tagJoin}
        WHERE x.account_id = $1
          AND tstzrange(x.started_at, x.ended_at, '(]') @> ($2::date::timestamp AT TIME ZONE $10)
          AND $3::text IS NOT NULL AND $4::text IS NOT NULL ${filters}
        GROUP BY ${KEY[group]}`,
      params(scope),
    );
  }

  /** Per bucket: spans started (+1) and ended (-1: closed, merged away, or moved) on its days. */
  backlogDeltas(scope: ReportScope, group: ReportGroup): Promise<BacklogRow[]> {
    const { tagJoin, filters } = clauses(group);
    const side = (dayCol: string, sign: string) =>
      `SELECT ${bucketOf(dayCol)} AS bucket, ${KEY[group]} AS key, ${sign} AS d
         FROM report_spans x ${tagJoin}
        WHERE x.account_id = $1 AND ${dayCol} BETWEEN $2::date AND $3::date
          AND $10::text IS NOT NULL ${filters}`;
    // raw SQL: UNION ALL of both index ranges (started, ended) summed per bucket, one statement.
    return queryRows<BacklogRow>(
      this.ds.manager,
      `SELECT bucket, key, sum(d) AS count
         FROM (${side('x.started_day', '1')} UNION ALL ${side('x.ended_day', '-1')}) s
        GROUP BY bucket, key`,
      params(scope),
    );
  }

  /** Every inbox of the account, removed ones too, with its channel (an inbox's kind never changes). */
  async inboxChannels(accountId: string): Promise<Map<string, string>> {
    const rows = await this.ds.manager
      .getRepository(InboxEntity)
      .find({ select: { id: true, kind: true }, where: { accountId } });
    return new Map(rows.map((r) => [r.id, r.kind]));
  }

  /** Names for the groups' keys. */
  async labels(accountId: string, group: ReportGroup, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0 || group === 'none' || group === 'channel') return new Map();
    const where = { accountId, id: In(ids) };
    const m = this.ds.manager;
    const rows: Array<{ id: string; name: string }> =
      group === 'inbox'
        ? await m.getRepository(InboxEntity).find({ select: { id: true, name: true }, where })
        : group === 'team'
          ? await m.getRepository(TeamEntity).find({ select: { id: true, name: true }, where })
          : group === 'operator'
            ? await m
                .getRepository(OperatorEntity)
                .find({ select: { id: true, name: true }, where })
            : await m.getRepository(TagEntity).find({ select: { id: true, name: true }, where });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  private grouped<T>(
    scope: ReportScope,
    group: ReportGroup,
    table: string,
    dayCol: string,
    aggregates: string,
    kind: string,
    extra = '',
  ): Promise<T[]> {
    const { tagJoin, filters } = clauses(group);
    const bucket = bucketOf(dayCol);
    const kindSel = kind ? `${kind} AS kind,` : '';
    const kindKey = kind ? `${kind},` : '';
    // raw SQL: GROUPING SETS and percentile_cont WITHIN GROUP, which the builder cannot write.
    return queryRows<T>(
      this.ds.manager,
      `SELECT ${kindSel} ${bucket} AS bucket, ${KEY[group]} AS key, GROUPING(${bucket}) AS whole,
              ${aggregates}
         FROM ${table} x ${tagJoin}
        WHERE x.account_id = $1 AND ${dayCol} BETWEEN $2::date AND $3::date ${extra} ${filters}
          AND $10::text IS NOT NULL -- the timezone: only the backlog needs it, every statement names it
        GROUP BY GROUPING SETS ((${kindKey} ${bucket}, ${KEY[group]}), (${kindKey} ${KEY[group]}))`,
      params(scope),
    ).then((rows) =>
      rows.map((r) => {
        const row = r as T & { whole: number; bucket: string | null };
        return { ...row, bucket: Number(row.whole) === 1 ? null : row.bucket };
      }),
    );
  }
}

/** A local day's bucket: its day, Monday or first of the month, clipped to the period's start. */
const bucketOf = (dayCol: string) =>
  `to_char(greatest(date_trunc($4, ${dayCol}::timestamp)::date, $2::date), 'YYYY-MM-DD')`;

const timeStats = (col: string) =>
  `count(*) AS count,
   percentile_cont(0.5) WITHIN GROUP (ORDER BY ${col}) AS median,
   percentile_cont(0.9) WITHIN GROUP (ORDER BY ${col}) AS p90,
   avg(${col}) AS average`;

function clauses(group: ReportGroup): { tagJoin: string; filters: string } {
  return {
    // Grouped by tag and filtered on tags: the groups are the chosen tags, not every tag of theirs.
    tagJoin:
      group === 'tag'
        ? `JOIN conversation_tags ct ON ct.conversation_id = x.conversation_id
             AND ($8::uuid[] IS NULL OR ct.tag_id = ANY($8::uuid[]))`
        : '',
    filters: `
      AND ($5::uuid[] IS NULL OR x.inbox_id = ANY($5::uuid[]))
      AND ($6::uuid[] IS NULL OR x.team_id = ANY($6::uuid[]))
      AND ($7::uuid[] IS NULL OR x.operator_id = ANY($7::uuid[]))
      AND ($8::uuid[] IS NULL OR EXISTS (SELECT 1 FROM conversation_tags f
            WHERE f.conversation_id = x.conversation_id AND f.tag_id = ANY($8::uuid[])))
      AND ($9::text[] IS NULL OR x.channel = ANY($9::text[]))`,
  };
}

function params({ accountId, timezone, query: q }: ReportScope): unknown[] {
  return [
    accountId,
    q.from,
    q.to,
    q.bucket,
    q.inboxId ?? null,
    q.teamId ?? null,
    q.operatorId ?? null,
    q.tagId ?? null,
    q.channel ?? null,
    timezone,
  ];
}

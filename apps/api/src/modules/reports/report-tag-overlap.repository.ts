import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { queryRows } from '../../core/database/sql-rows';
import {
  PART_FILTER,
  cellParams,
  millis,
  tagValues,
  type BacklogCellRow,
  type CellScope,
  type CounterCellRow,
  type OpenCountRow,
  type TimeCellRow,
} from './report-cells.repository';
import { DAILY_COLUMNS } from './report-facts.repository';

/** The conversations carrying k ≥ 2 of a report's tags, with k - 1: the times their cells overcount. */
export interface TagOverlap {
  /** Any one of the report's tags: the tag part of the cell values the excess is written as. */
  tag: string;
  conversationIds: string[];
  weights: number[];
}

/**
 * The overlap as rows `o` ($9 ids, $10 weights). Its facts are read per conversation (LATERAL,
 * by their conversation index; OFFSET 0 keeps the planner from flattening that into a hash join
 * over the whole period's facts).
 */
const OVERLAP = `o AS (SELECT * FROM unnest($9::uuid[], $10::int[]) AS o(conversation_id, w))`;

/** Rows `f` as one cell dimension ($2), with the tag part $11: the cells' values, parts and all. */
const AS_CELL = `CROSS JOIN LATERAL (${tagValues('$11::uuid')}) d(dim, value)`;

/**
 * A report on several tags at once reads each tag's cells, which count a conversation with two of
 * the tags twice; these are the excess, in the cells' own shapes, for the report to take away:
 * the facts of the conversations carrying several of the tags (few, found by the tag index), once
 * per extra tag. So such a report stays a read of cells plus a few conversations' facts.
 */
@Injectable()
export class ReportTagOverlapRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The conversations carrying two or more of the tags (the tags the consumer saw, as the cells). */
  async overlap(accountId: string, tags: string[]): Promise<TagOverlap> {
    // raw SQL: GROUP BY … HAVING over the tags' rows of report_conversation_tags, one statement.
    const rows = await queryRows<{ id: string; w: string }>(
      this.ds.manager,
      `SELECT conversation_id AS id, count(*) - 1 AS w FROM report_conversation_tags
        WHERE account_id = $1 AND tag_id = ANY($2::uuid[])
        GROUP BY conversation_id HAVING count(*) > 1`,
      [accountId, tags],
    );
    return {
      tag: tags[0] ?? '',
      conversationIds: rows.map((r) => r.id),
      weights: rows.map((r) => Number(r.w)),
    };
  }

  counters(scope: CellScope, overlap: TagOverlap): Promise<CounterCellRow[]> {
    const cols = DAILY_COLUMNS;
    // raw SQL: the cells' fan-out (LATERAL VALUES) over the overlap's facts, weighted.
    return queryRows<CounterCellRow>(
      this.ds.manager,
      `WITH ${OVERLAP}
       SELECT to_char(day, 'YYYY-MM-DD') AS day, dim_value AS value,
              ${cols.map((c) => `sum(${c}) AS ${c}`).join(', ')}
         FROM (SELECT f.day, d.value AS dim_value, ${cols.map((c) => `f.${c} * o.w AS ${c}`).join(', ')}
                 FROM o CROSS JOIN LATERAL (
                      SELECT * FROM report_daily r
                       WHERE r.conversation_id = o.conversation_id AND r.account_id = $1
                         AND r.day BETWEEN $3::date AND $4::date OFFSET 0) f
                 ${AS_CELL}
                WHERE d.dim = $2) x
        WHERE ${PART_FILTER}
        GROUP BY day, dim_value`,
      [...cellParams(scope), overlap.conversationIds, overlap.weights, overlap.tag],
    );
  }

  times(scope: CellScope, overlap: TagOverlap, business: boolean): Promise<TimeCellRow[]> {
    const col = business ? 'business_seconds' : 'seconds';
    // raw SQL: the overlap's response and resolution times as the time cells keep them (sorted
    // whole milliseconds), each repeated once per extra tag (generate_series).
    return queryRows<TimeCellRow>(
      this.ds.manager,
      `WITH ${OVERLAP}
       SELECT metric, to_char(day, 'YYYY-MM-DD') AS day, dim_value AS value, count(*) AS count,
              sum(secs) AS sum, array_to_string(array_agg(ms ORDER BY ms), ',') AS run
         FROM (SELECT f.metric, f.day, d.value AS dim_value, f.${col} AS secs,
                      ${millis(`f.${col}`)} AS ms
                 FROM o CROSS JOIN LATERAL (
                      SELECT kind AS metric, day, inbox_id, channel, team_id, operator_id, seconds,
                             business_seconds
                        FROM report_responses r
                       WHERE r.conversation_id = o.conversation_id AND r.account_id = $1
                         AND r.day BETWEEN $3::date AND $4::date
                      UNION ALL
                      SELECT 'resolution', closed_day, inbox_id, channel, team_id, operator_id,
                             seconds, business_seconds
                        FROM report_cycles c
                       WHERE c.conversation_id = o.conversation_id AND c.account_id = $1
                         AND c.closed_day BETWEEN $3::date AND $4::date
                         AND NOT c.merged AND c.seconds IS NOT NULL OFFSET 0) f
                 CROSS JOIN generate_series(1, o.w::int) n
                 ${AS_CELL}
                WHERE d.dim = $2) x
        WHERE ${PART_FILTER}
        GROUP BY metric, day, dim_value`,
      [...cellParams(scope), overlap.conversationIds, overlap.weights, overlap.tag],
    );
  }

  /**
   * The overlap's backlog as the cells keep it: its spans open now (report_open_counts), and those
   * opened and ended since the period's start (the counter cells' `opened`, `ended`). One read of
   * each conversation's spans serves both.
   */
  async backlog(
    scope: CellScope,
    overlap: TagOverlap,
  ): Promise<{ open: OpenCountRow[]; since: BacklogCellRow[] }> {
    // raw SQL: each span as up to three weighted rows (open now, opened, ended) fanned out to the
    // report's cell dimension, in one statement.
    const rows = await queryRows<{
      kind: 'open' | 'since';
      day: string | null;
      value: string;
      opened: string;
      ended: string;
      open: string;
    }>(
      this.ds.manager,
      `WITH ${OVERLAP}
       SELECT kind, to_char(day, 'YYYY-MM-DD') AS day, dim_value AS value, sum(opened) AS opened,
              sum(ended) AS ended, sum(open) AS open
         FROM (SELECT s.kind, s.day, d.value AS dim_value, s.opened * o.w AS opened,
                      s.ended * o.w AS ended, s.open * o.w AS open
                 FROM o CROSS JOIN LATERAL (
                      SELECT * FROM report_spans r
                       WHERE r.conversation_id = o.conversation_id AND r.account_id = $1
                         AND (r.ended_at IS NULL OR r.started_day >= $3::date
                              OR r.ended_day >= $3::date)
                      OFFSET 0) f
                 CROSS JOIN LATERAL (VALUES
                      ('open', NULL::date, 0, 0, CASE WHEN f.ended_at IS NULL THEN 1 ELSE 0 END),
                      ('since', f.started_day, CASE WHEN f.started_day >= $3::date THEN 1 ELSE 0 END,
                       0, 0),
                      ('since', f.ended_day, 0,
                       CASE WHEN f.ended_day >= $3::date THEN 1 ELSE 0 END, 0))
                      s(kind, day, opened, ended, open)
                 ${AS_CELL}
                WHERE d.dim = $2 AND s.opened + s.ended + s.open > 0) x
        WHERE ${PART_FILTER} AND $4::date IS NOT NULL
        GROUP BY kind, day, dim_value`,
      [...cellParams(scope), overlap.conversationIds, overlap.weights, overlap.tag],
    );
    return {
      open: rows
        .filter((r) => r.kind === 'open')
        .map((r) => ({ value: r.value, open: Number(r.open) })),
      since: rows
        .filter((r) => r.kind === 'since')
        .map((r) => ({
          day: r.day ?? '',
          value: r.value,
          opened: Number(r.opened),
          ended: Number(r.ended),
        })),
    };
  }
}

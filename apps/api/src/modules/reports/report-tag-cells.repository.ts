import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { TAG_DIMS } from './cell-dims';
import { tagValues } from './report-cells.repository';
import { ReportConversationTagEntity } from './entities/report-conversation-tag.entity';
import { DAILY_COLUMNS } from './report-facts.repository';

/** One conversation's facts entering (+1) or leaving (-1) one tag's cells. */
export interface TagMove {
  conversationId: string;
  tagId: string;
  sign: 1 | -1;
}

const MILLIS = (col: string) => `floor(${col} * 1000 + 0.5)::bigint`;
const TAG_DIM_LIST = TAG_DIMS.map((d) => `'${d}'`).join(', ');

/** The moves as rows `m` (conversation_id, tag_id, sign): $1, $2, $3. */
const MOVES = `unnest($1::uuid[], $2::uuid[], $3::int[]) AS m(conversation_id, tag_id, sign)`;

/** Every counter fact of m's conversation, and its backlog spans opened and ended, as rows `f`. */
const COUNTER_FACTS = `(
  SELECT account_id, day, inbox_id, channel, team_id, operator_id, ${DAILY_COLUMNS.join(', ')},
         0 AS opened, 0 AS ended
    FROM report_daily WHERE conversation_id = m.conversation_id
  UNION ALL
  SELECT account_id, started_day, inbox_id, channel, team_id, operator_id,
         ${DAILY_COLUMNS.map(() => '0').join(', ')}, 1, 0
    FROM report_spans WHERE conversation_id = m.conversation_id
  UNION ALL
  SELECT account_id, ended_day, inbox_id, channel, team_id, operator_id,
         ${DAILY_COLUMNS.map(() => '0').join(', ')}, 0, 1
    FROM report_spans WHERE conversation_id = m.conversation_id AND ended_day IS NOT NULL) f`;

/** Every response and resolution time of m's conversation, as rows `f`. */
const TIME_FACTS = `(
  SELECT account_id, kind AS metric, day, inbox_id, channel, team_id, operator_id, seconds,
         business_seconds
    FROM report_responses WHERE conversation_id = m.conversation_id
  UNION ALL
  SELECT account_id, 'resolution', closed_day, inbox_id, channel, team_id, operator_id, seconds,
         business_seconds
    FROM report_cycles
   WHERE conversation_id = m.conversation_id AND closed_day IS NOT NULL AND NOT merged
     AND seconds IS NOT NULL) f`;

/**
 * The tag cells: which tags the `reports` consumer has seen on each conversation, and moving a
 * conversation's whole history of facts into or out of a tag's cells when that set changes (a
 * conversation has a handful of facts, so a move reads a few rows by conversation).
 */
@Injectable()
export class ReportTagCellsRepository {
  /** The tags each of these conversations has as far as the reports know. */
  async known(em: EntityManager, conversationIds: string[]): Promise<Map<string, string[]>> {
    const known = new Map<string, string[]>();
    if (conversationIds.length === 0) return known;
    const rows = await em
      .getRepository(ReportConversationTagEntity)
      .find({ where: { conversationId: In(conversationIds) } });
    for (const r of rows)
      known.set(r.conversationId, [...(known.get(r.conversationId) ?? []), r.tagId]);
    return known;
  }

  /** Records a conversation's tags (after its facts were moved to match). */
  async setTags(
    em: EntityManager,
    accountId: string,
    conversationId: string,
    tagIds: string[],
  ): Promise<void> {
    const repo = em.getRepository(ReportConversationTagEntity);
    await repo.delete({ conversationId });
    if (tagIds.length > 0)
      await repo.insert(tagIds.map((tagId) => ({ conversationId, tagId, accountId })));
  }

  /** Moves conversations' facts into (+1) or out of (-1) tags' cells; emptied cells are removed. */
  async move(em: EntityManager, accountId: string, moves: TagMove[]): Promise<void> {
    if (moves.length === 0) return;
    const params = [
      moves.map((m) => m.conversationId),
      moves.map((m) => m.tagId),
      moves.map((m) => m.sign),
    ];
    // raw SQL: every counter fact of each conversation fanned out to its tag cells and added
    // with its sign on conflict, one statement; the builder cannot write LATERAL or EXCLUDED sums.
    await em.query(
      `INSERT INTO report_counter_cells AS c (account_id, dim, day, dim_value,
              ${DAILY_COLUMNS.join(', ')}, opened, ended)
       SELECT f.account_id, d.dim, f.day, d.value,
              ${[...DAILY_COLUMNS, 'opened', 'ended'].map((c) => `sum(m.sign * f.${c})`).join(', ')}
         FROM ${MOVES} CROSS JOIN LATERAL ${COUNTER_FACTS}
        CROSS JOIN LATERAL (${tagValues('m.tag_id')}) d(dim, value)
        GROUP BY f.account_id, d.dim, f.day, d.value
       ON CONFLICT ON CONSTRAINT report_counter_cells_pkey DO UPDATE SET
         ${[...DAILY_COLUMNS, 'opened', 'ended'].map((c) => `${c} = c.${c} + EXCLUDED.${c}`).join(', ')}`,
      params,
    );
    // raw SQL: the open spans fanned out the same way into the backlog now.
    await em.query(
      `INSERT INTO report_open_counts AS c (account_id, dim, dim_value, open)
       SELECT f.account_id, d.dim, d.value, sum(m.sign)
         FROM ${MOVES}
         JOIN report_spans f ON f.conversation_id = m.conversation_id AND f.ended_at IS NULL
        CROSS JOIN LATERAL (${tagValues('m.tag_id')}) d(dim, value)
        GROUP BY f.account_id, d.dim, d.value
       ON CONFLICT ON CONSTRAINT report_open_counts_pkey DO UPDATE SET open = c.open + EXCLUDED.open`,
      params,
    );
    await this.moveTimes(
      em,
      moves.filter((m) => m.sign > 0),
      1,
    );
    await this.moveTimes(
      em,
      moves.filter((m) => m.sign < 0),
      -1,
    );
    const left = [...new Set(moves.filter((m) => m.sign < 0).map((m) => m.tagId))];
    if (left.length === 0) return;
    const emptied = `account_id = $1 AND dim IN (${TAG_DIM_LIST})
      AND split_part(dim_value, '|', 1) = ANY($2::text[])`;
    // raw SQL: the cells a move emptied go, so a tag no conversation has any more lists nothing.
    await em.query(
      `DELETE FROM report_counter_cells WHERE ${emptied}
          AND ${[...DAILY_COLUMNS, 'opened', 'ended'].map((c) => `${c} = 0`).join(' AND ')}`,
      [accountId, left],
    );
    // raw SQL: likewise for the time cells and the backlog now.
    await em.query(`DELETE FROM report_time_cells WHERE ${emptied} AND count = 0`, [
      accountId,
      left,
    ]);
    // raw SQL: likewise for the backlog now.
    await em.query(`DELETE FROM report_open_counts WHERE ${emptied} AND open = 0`, [
      accountId,
      left,
    ]);
  }

  /**
   * Times entering cells merge into their sorted arrays; times leaving are taken out of them as a
   * multiset (EXCEPT ALL), the arrays staying sorted.
   */
  private async moveTimes(em: EntityManager, moves: TagMove[], sign: 1 | -1): Promise<void> {
    if (moves.length === 0) return;
    const params = [
      moves.map((m) => m.conversationId),
      moves.map((m) => m.tagId),
      moves.map((m) => m.sign),
    ];
    const sorted = (col: string) => `array_agg(${MILLIS(col)} ORDER BY ${MILLIS(col)})`;
    const gathered = `SELECT f.account_id, d.dim, f.day, f.metric, d.value, count(*) AS count,
              sum(f.seconds) AS seconds_sum, sum(f.business_seconds) AS business_sum,
              ${sorted('f.seconds')} AS millis, ${sorted('f.business_seconds')} AS business_millis
         FROM ${MOVES} CROSS JOIN LATERAL ${TIME_FACTS}
        CROSS JOIN LATERAL (${tagValues('m.tag_id')}) d(dim, value)
        GROUP BY f.account_id, d.dim, f.day, f.metric, d.value`;
    const merged = (a: string, b: string) =>
      `ARRAY(SELECT v FROM unnest(${a} || ${b}) v ORDER BY v)`;
    const without = (a: string, b: string) =>
      `ARRAY(SELECT v FROM (SELECT unnest(${a}) EXCEPT ALL SELECT unnest(${b})) s(v) ORDER BY v)`;
    if (sign > 0) {
      // raw SQL: the conversations' times fanned out to their tag cells and merged into the
      // sorted arrays on conflict, one statement, as ReportCellsRepository.addTimes does.
      await em.query(
        `INSERT INTO report_time_cells AS c (account_id, dim, day, metric, dim_value, count,
                seconds_sum, business_sum, millis, business_millis)
         ${gathered}
         ON CONFLICT ON CONSTRAINT report_time_cells_pkey DO UPDATE SET
           count = c.count + EXCLUDED.count,
           seconds_sum = c.seconds_sum + EXCLUDED.seconds_sum,
           business_sum = c.business_sum + EXCLUDED.business_sum,
           millis = ${merged('c.millis', 'EXCLUDED.millis')},
           business_millis = ${merged('c.business_millis', 'EXCLUDED.business_millis')}`,
        params,
      );
      return;
    }
    // raw SQL: UPDATE … FROM the gathered times, taking them out of each cell's sorted arrays as a
    // multiset (EXCEPT ALL), which the builder cannot write.
    await em.query(
      `UPDATE report_time_cells c SET
         count = c.count - x.count,
         seconds_sum = c.seconds_sum - x.seconds_sum,
         business_sum = c.business_sum - x.business_sum,
         millis = ${without('c.millis', 'x.millis')},
         business_millis = ${without('c.business_millis', 'x.business_millis')}
        FROM (${gathered}) x
       WHERE c.account_id = x.account_id AND c.dim = x.dim AND c.day = x.day
         AND c.metric = x.metric AND c.dim_value = x.value`,
      params,
    );
  }
}

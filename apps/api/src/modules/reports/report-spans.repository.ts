import { Injectable } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import { ReportSpanEntity } from './entities/report-span.entity';
import { FAN_OUT } from './report-cells.repository';
import type { ReportDims } from './report-fold';

/** Spans a batch opened (+) and ended (-) per local day and owner, for the backlog's cells. */
export interface BacklogDelta {
  conversationId: string;
  day: string;
  dims: ReportDims;
  opened: number;
  ended: number;
}

/** The backlog's spans and their cells, written by the `reports` consumer in its transaction. */
@Injectable()
export class ReportSpansRepository {
  /** The open span of each of these conversations (at most one each). */
  openSpans(em: EntityManager, conversationIds: string[]): Promise<ReportSpanEntity[]> {
    if (conversationIds.length === 0) return Promise.resolve([]);
    return em.getRepository(ReportSpanEntity).find({
      where: { conversationId: In(conversationIds), endedAt: IsNull() },
    });
  }

  async start(
    em: EntityManager,
    row: Pick<ReportSpanEntity, 'accountId' | 'conversationId' | 'startedAt' | 'startedDay'> &
      ReportDims,
  ): Promise<string> {
    const inserted = await em.getRepository(ReportSpanEntity).insert(row);
    return (inserted.identifiers[0] as { id: string }).id;
  }

  async end(em: EntityManager, id: string, at: Date, day: string): Promise<void> {
    await em.getRepository(ReportSpanEntity).update({ id }, { endedAt: at, endedDay: day });
  }

  /** A merge: the source's spans belong to the survivor from now on. */
  async repoint(em: EntityManager, sourceId: string, targetId: string): Promise<void> {
    await em
      .getRepository(ReportSpanEntity)
      .update({ conversationId: sourceId }, { conversationId: targetId });
  }

  /** Adds a batch's span starts and ends to the day cells and the backlog now, per dimension. */
  async addBacklog(em: EntityManager, accountId: string, deltas: BacklogDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    const params = [
      accountId,
      deltas.map((d) => d.day),
      deltas.map((d) => d.dims.inboxId),
      deltas.map((d) => d.dims.channel),
      deltas.map((d) => d.dims.teamId),
      deltas.map((d) => d.dims.operatorId),
      deltas.map((d) => d.opened),
      deltas.map((d) => d.ended),
      deltas.map((d) => d.conversationId),
    ];
    const rows = `unnest($2::date[], $3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::int[],
      $8::int[], $9::uuid[]) AS f(day, inbox_id, channel, team_id, operator_id, opened, ended,
      conversation_id),
      LATERAL ${FAN_OUT}`;
    // raw SQL: each delta fanned out to its cells (LATERAL VALUES) and added on conflict, one
    // statement per table per batch; the builder's orUpdate can only copy EXCLUDED values.
    await em.query(
      `INSERT INTO report_counter_cells AS c (account_id, dim, day, dim_value, opened, ended)
       SELECT $1, d.dim, f.day, d.value, sum(f.opened), sum(f.ended) FROM ${rows}
        GROUP BY d.dim, f.day, d.value
       ON CONFLICT ON CONSTRAINT report_counter_cells_pkey DO UPDATE SET
         opened = c.opened + EXCLUDED.opened, ended = c.ended + EXCLUDED.ended`,
      params,
    );
    // raw SQL: the same fan-out, summed into the backlog now per value.
    await em.query(
      `INSERT INTO report_open_counts AS c (account_id, dim, dim_value, open)
       SELECT $1, d.dim, d.value, sum(f.opened - f.ended) FROM ${rows}
        GROUP BY d.dim, d.value
       ON CONFLICT ON CONSTRAINT report_open_counts_pkey DO UPDATE SET open = c.open + EXCLUDED.open`,
      params,
    );
  }
}

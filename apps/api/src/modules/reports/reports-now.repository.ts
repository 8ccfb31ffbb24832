import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { DueSnoozeWatch } from '../conversations/due-snooze-watch.repository';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { RoutingQueueEntryEntity } from '../routing/entities/routing-queue-entry.entity';
import { TeamRoutingMemberEntity } from '../routing/entities/team-routing-member.entity';

/** The live panel's counts, each one indexed read of the current state (no facts involved). */
@Injectable()
export class ReportsNowRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly dueSnoozes: DueSnoozeWatch,
  ) {}

  /** Open now, as the feed counts it: due snoozes the sweeper has not written yet included. */
  async openCounts(accountId: string): Promise<{ open: number; unassigned: number }> {
    const repo = this.ds.getRepository(ConversationEntity);
    const [open, unassigned, due] = await Promise.all([
      repo.countBy({ accountId, status: 'open' }),
      repo.countBy({ accountId, status: 'open', assigneeId: IsNull() }),
      this.dueSnoozes.dueByAssignee(this.ds.manager, { accountId }),
    ]);
    let dueCount = 0;
    for (const n of due.values()) dueCount += n;
    return { open: open + dueCount, unassigned: unassigned + (due.get(null) ?? 0) };
  }

  /** The open conversation whose customer wrote last and longest ago (the awaiting index). */
  longestWaiting(
    accountId: string,
  ): Promise<{ id: string; number: number; lastIncomingAt: Date } | null> {
    return this.ds
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.number', 'c.lastIncomingAt'])
      .where(`c.account_id = :accountId AND c.status = 'open'`, { accountId })
      .andWhere(`c.last_message_direction = 'incoming' AND c.last_incoming_at IS NOT NULL`)
      .orderBy('c.last_incoming_at', 'ASC')
      .limit(1)
      .getOne() as Promise<{ id: string; number: number; lastIncomingAt: Date } | null>;
  }

  /** Each routed member's binding maximum: the smallest among their round-robin teams. */
  async maxOpen(accountId: string): Promise<Map<string, number>> {
    const rows = await this.ds
      .getRepository(TeamRoutingMemberEntity)
      .createQueryBuilder('m')
      .innerJoin('team_routing', 't', 't.team_id = m.team_id')
      .select('m.operator_id', 'operatorId')
      .addSelect('min(COALESCE(m.max_open, t.max_open_per_operator))::int', 'maxOpen')
      .where('t.account_id = :accountId AND t.round_robin', { accountId })
      .groupBy('m.operator_id')
      .getRawMany<{ operatorId: string; maxOpen: number }>();
    return new Map(rows.map((r) => [r.operatorId, r.maxOpen]));
  }

  queued(accountId: string): Promise<number> {
    return this.ds.getRepository(RoutingQueueEntryEntity).countBy({ accountId });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RuleActionResult, RuleRunOutcome } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { microsUtc, type Keyset } from '../conversations/keyset-cursor';
import { AutomationRuleEntity } from './entities/automation-rule.entity';
import { AutomationRunEntity } from './entities/automation-run.entity';

export interface NewRun {
  accountId: string;
  ruleId: string;
  conversationId: string | null;
  trigger: string;
  outcome: RuleRunOutcome;
  actions: RuleActionResult[];
  reason: string | null;
  depth: number;
}

export interface RunRow {
  id: string;
  rule_id: string;
  rule_name: string;
  conversation_id: string | null;
  conversation_number: number | null;
  trigger: string;
  outcome: RuleRunOutcome;
  actions: RuleActionResult[];
  reason: string | null;
  at: Date;
  at_key: string;
}

/** The rule log: one line per run, newest first, kept 90 days. */
@Injectable()
export class AutomationRunsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async insert(em: EntityManager, run: NewRun): Promise<void> {
    await em.createQueryBuilder().insert().into(AutomationRunEntity).values(run).execute();
  }

  /** How deep in a chain of rules the latest run of `ruleId` on the conversation was. */
  async depthOf(em: EntityManager, ruleId: string, conversationId: string): Promise<number> {
    const run = await em.getRepository(AutomationRunEntity).findOne({
      select: { depth: true },
      where: { ruleId, conversationId },
      order: { at: 'DESC' },
    });
    return run?.depth ?? 0;
  }

  /** One page of the log, newest first; one row more than asked says "more". */
  listPage(
    filter: { accountId: string; ruleId?: string; conversationId?: string },
    after: Keyset | null,
    limit: number,
  ): Promise<RunRow[]> {
    const q = this.ds
      .getRepository(AutomationRunEntity)
      .createQueryBuilder('r')
      .innerJoin(AutomationRuleEntity, 'rule', 'rule.id = r.ruleId')
      .leftJoin(ConversationEntity, 'c', 'c.id = r.conversationId')
      .select([
        'r.id AS id',
        'r.rule_id AS rule_id',
        'rule.name AS rule_name',
        'r.conversation_id AS conversation_id',
        'c.number AS conversation_number',
        'r.trigger AS trigger',
        'r.outcome AS outcome',
        'r.actions AS actions',
        'r.reason AS reason',
        'r.at AS at',
      ])
      .addSelect(microsUtc('r.at'), 'at_key')
      .where('r.accountId = :accountId', { accountId: filter.accountId });
    if (filter.ruleId) q.andWhere('r.ruleId = :ruleId', { ruleId: filter.ruleId });
    if (filter.conversationId)
      q.andWhere('r.conversationId = :conversationId', { conversationId: filter.conversationId });
    if (after)
      q.andWhere('(r.at, r.id) < (:at::timestamptz, :afterId::uuid)', {
        at: after.at,
        afterId: after.id,
      });
    return q
      .orderBy('r.at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit + 1)
      .getRawMany<RunRow>();
  }

  /** Drops log lines older than `days`. */
  async prune(days: number): Promise<number> {
    const result = await this.ds
      .createQueryBuilder()
      .delete()
      .from(AutomationRunEntity)
      .where(`at < now() - make_interval(days => :days)`, { days })
      .execute();
    return result.affected ?? 0;
  }
}

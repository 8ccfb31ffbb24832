import { Injectable } from '@nestjs/common';
import type { RuleTimeTrigger } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { microsUtc } from '../conversations/keyset-cursor';
import { AutomationTimeFiringEntity } from './entities/automation-time-firing.entity';

/** How far before a rule's watermark a poll looks again (late commits); firings dedupe the overlap. */
const WATERMARK_SLACK_MS = 60_000;
/** A rule that never fired looks back this far: its longest delay plus ten days of downtime. */
const FIRST_LOOKBACK_MS = (90 + 10) * 24 * 3_600_000;

/** Per time trigger: the state it waits in, and the instant the waiting is counted from. */
const TIME_TRIGGERS: Record<RuleTimeTrigger, { anchor: string; where: string }> = {
  no_operator_reply: {
    anchor: 'c.last_incoming_at',
    where: `c.status = 'open' AND c.last_message_direction = 'incoming'`,
  },
  no_customer_reply: {
    anchor: 'c.last_activity_at',
    where: `c.status = 'open' AND c.last_message_direction = 'outgoing'`,
  },
  snoozed_longer: { anchor: 'c.status_changed_at', where: `c.status = 'snoozed'` },
  waiting_longer: {
    anchor: 'c.status_changed_at',
    where: `c.status = 'open' AND c.assignee_id IS NULL`,
  },
};

/** The time triggers' reads and their once-only firing record. */
@Injectable()
export class AutomationTimeRepository {
  /**
   * The oldest conversation whose moment for this rule has come and that has not fired for its
   * current anchor, locked (SKIP LOCKED: another instance is firing it). One indexed range read
   * per rule and poll, bounded below by the rule's watermark.
   */
  async claimDue(
    em: EntityManager,
    rule: {
      id: string;
      accountId: string;
      after: RuleTimeTrigger;
      minutes: number;
      watermark: Date | null;
    },
  ): Promise<{ id: string; anchor: string } | null> {
    const t = TIME_TRIGGERS[rule.after];
    const from = rule.watermark
      ? new Date(rule.watermark.getTime() - WATERMARK_SLACK_MS)
      : new Date(Date.now() - FIRST_LOOKBACK_MS);
    const row = await em
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .select('c.id', 'id')
      // As text with microseconds: a JS Date would round it and never equal the stored anchor.
      .addSelect(microsUtc(t.anchor), 'anchor')
      .where(`c.account_id = :accountId AND ${t.where}`, { accountId: rule.accountId })
      .andWhere(`${t.anchor} > :from`, { from })
      .andWhere(`${t.anchor} <= now() - make_interval(mins => :minutes)`, { minutes: rule.minutes })
      .andWhere(
        (qb) =>
          `NOT EXISTS ${qb
            .subQuery()
            .select('1')
            .from(AutomationTimeFiringEntity, 'f')
            .where(`f.rule_id = :ruleId AND f.conversation_id = c.id AND f.anchor = ${t.anchor}`)
            .getQuery()}`,
        { ruleId: rule.id },
      )
      .orderBy(t.anchor, 'ASC')
      .limit(1)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getRawOne<{ id: string; anchor: string }>();
    return row ?? null;
  }

  /** Records the firing; false when it exists already (fired elsewhere meanwhile). */
  async recordFiring(
    em: EntityManager,
    f: { ruleId: string; conversationId: string; anchor: string; accountId: string },
  ): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(AutomationTimeFiringEntity)
      .values({ ...f, anchor: () => ':anchor::timestamptz' })
      .setParameter('anchor', f.anchor)
      .orIgnore()
      .returning('rule_id')
      .updateEntity(false)
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** Firings older than every delay a rule can have no longer guard anything. */
  async prune(em: EntityManager, days: number): Promise<void> {
    await em
      .createQueryBuilder()
      .delete()
      .from(AutomationTimeFiringEntity)
      .where('fired_at < now() - make_interval(days => :days)', { days })
      .execute();
  }
}

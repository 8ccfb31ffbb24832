import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { TeamEntity } from '../access/entities/team.entity';
import { TeamMemberEntity } from '../access/entities/team-member.entity';
import { AccountEntity } from '../accounts/entities/account.entity';
import { CannedReplyEntity } from '../canned-replies/entities/canned-reply.entity';
import { ContactAttributeEntity } from '../contact-attributes/entities/contact-attribute.entity';
import { InboxEntity } from '../inboxes/entities/inbox.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';
import { TagEntity } from '../tags/entities/tag.entity';
import { AutomationRuleEntity } from './entities/automation-rule.entity';

export type RuleWrite = Pick<
  AutomationRuleEntity,
  'name' | 'enabled' | 'trigger' | 'conditions' | 'actions'
>;

/** The rules themselves, and what saving one checks its references against. */
@Injectable()
export class AutomationRulesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Serialises rule changes of one account (the loop check reads every enabled rule). FOR NO KEY
   * UPDATE does not block the account's other writes, whose foreign keys take KEY SHARE.
   */
  async lockAccount(em: EntityManager, accountId: string): Promise<void> {
    await em
      .getRepository(AccountEntity)
      .createQueryBuilder('a')
      .select('a.id')
      .where('a.id = :accountId', { accountId })
      .setLock('for_no_key_update')
      .getOne();
  }

  list(accountId: string, em: EntityManager = this.ds.manager): Promise<AutomationRuleEntity[]> {
    return em.getRepository(AutomationRuleEntity).find({
      where: { accountId },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
  }

  /** The enabled rules of an account, in evaluation order. */
  listEnabled(em: EntityManager, accountId: string): Promise<AutomationRuleEntity[]> {
    return em.getRepository(AutomationRuleEntity).find({
      where: { accountId, enabled: true },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
  }

  /** Whether the account has an enabled rule with an event trigger (the consumer's idle check). */
  hasEnabledEventRules(em: EntityManager, accountId: string): Promise<boolean> {
    return em
      .getRepository(AutomationRuleEntity)
      .createQueryBuilder('r')
      .where(`r.account_id = :accountId AND r.enabled AND r.trigger->>'kind' = 'event'`, {
        accountId,
      })
      .getExists();
  }

  /** Every enabled rule with a time trigger, over all accounts (the time poller's list). */
  listEnabledTimeRules(em: EntityManager): Promise<AutomationRuleEntity[]> {
    return em
      .getRepository(AutomationRuleEntity)
      .createQueryBuilder('r')
      .where(`r.enabled AND r.trigger->>'kind' = 'time'`)
      .orderBy('r.accountId')
      .addOrderBy('r.position')
      .getMany();
  }

  find(em: EntityManager, accountId: string, id: string): Promise<AutomationRuleEntity | null> {
    return em.getRepository(AutomationRuleEntity).findOne({ where: { id, accountId } });
  }

  count(em: EntityManager, accountId: string): Promise<number> {
    return em.getRepository(AutomationRuleEntity).count({ where: { accountId } });
  }

  async insert(
    em: EntityManager,
    accountId: string,
    rule: RuleWrite,
  ): Promise<AutomationRuleEntity> {
    const last = await em
      .getRepository(AutomationRuleEntity)
      .createQueryBuilder('r')
      .select('COALESCE(MAX(r.position), -1)', 'max')
      .where('r.accountId = :accountId', { accountId })
      .getRawOne<{ max: number }>();
    return em
      .getRepository(AutomationRuleEntity)
      .save({ accountId, ...rule, position: Number(last?.max ?? -1) + 1 });
  }

  async update(em: EntityManager, id: string, rule: RuleWrite): Promise<void> {
    await em.getRepository(AutomationRuleEntity).update({ id }, { ...rule, timeWatermark: null });
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await em.getRepository(AutomationRuleEntity).delete({ id });
  }

  async setPositions(em: EntityManager, ids: string[]): Promise<void> {
    for (const [position, id] of ids.entries())
      await em.getRepository(AutomationRuleEntity).update({ id }, { position });
  }

  async markRun(em: EntityManager, id: string): Promise<void> {
    await em
      .createQueryBuilder()
      .update(AutomationRuleEntity)
      .set({ lastRunAt: () => 'now()', updatedAt: () => 'updated_at' })
      .where('id = :id', { id })
      .execute();
  }

  /** Moves a time rule's watermark forward (never back). */
  async advanceWatermark(em: EntityManager, id: string, anchor: string): Promise<void> {
    await em
      .createQueryBuilder()
      .update(AutomationRuleEntity)
      .set({
        timeWatermark: () =>
          'GREATEST(COALESCE(time_watermark, :anchor::timestamptz), :anchor::timestamptz)',
        updatedAt: () => 'updated_at',
      })
      .where('id = :id', { id, anchor })
      .execute();
  }

  // What a rule may name: the ids and keys that exist in the account.

  async attributeKeys(em: EntityManager, accountId: string, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await em.getRepository(ContactAttributeEntity).find({
      select: { key: true },
      where: keys.map((key) => ({ accountId, key })),
    });
    return new Set(rows.map((r) => r.key));
  }

  async activeOperators(em: EntityManager, accountId: string, ids: string[]) {
    if (ids.length === 0) return new Map<string, string>();
    const rows = await em
      .getRepository(OperatorEntity)
      .createQueryBuilder('o')
      .select(['o.id', 'o.name'])
      .where('o.accountId = :accountId AND o.id IN (:...ids) AND o.deactivatedAt IS NULL', {
        accountId,
        ids,
      })
      .getMany();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The account's teams among `ids`, with their member counts. */
  async teams(em: EntityManager, accountId: string, ids: string[]) {
    if (ids.length === 0) return new Map<string, { name: string; members: number }>();
    const rows = await em
      .getRepository(TeamEntity)
      .createQueryBuilder('t')
      .select('t.id', 'id')
      .addSelect('t.name', 'name')
      .addSelect(
        (sub) =>
          sub
            .select('COUNT(*)')
            .from(TeamMemberEntity, 'm')
            .innerJoin(OperatorEntity, 'o', 'o.id = m.operatorId AND o.deactivatedAt IS NULL')
            .where('m.teamId = t.id'),
        'members',
      )
      .where('t.accountId = :accountId AND t.id IN (:...ids)', { accountId, ids })
      .getRawMany<{ id: string; name: string; members: string }>();
    return new Map(rows.map((r) => [r.id, { name: r.name, members: Number(r.members) }]));
  }

  async inboxIds(em: EntityManager, accountId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await em
      .getRepository(InboxEntity)
      .createQueryBuilder('i')
      .select('i.id')
      .where('i.accountId = :accountId AND i.id IN (:...ids)', { accountId, ids })
      .getMany();
    return new Set(rows.map((r) => r.id));
  }

  async cannedReplyIds(em: EntityManager, accountId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await em
      .getRepository(CannedReplyEntity)
      .createQueryBuilder('c')
      .select('c.id')
      .where('c.accountId = :accountId AND c.id IN (:...ids)', { accountId, ids })
      .getMany();
    return new Set(rows.map((r) => r.id));
  }

  async tagKeys(em: EntityManager, accountId: string, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await em
      .getRepository(TagEntity)
      .createQueryBuilder('t')
      .select('t.nameKey')
      .where('t.accountId = :accountId AND t.nameKey IN (:...keys)', { accountId, keys })
      .getMany();
    return new Set(rows.map((r) => r.nameKey));
  }
}

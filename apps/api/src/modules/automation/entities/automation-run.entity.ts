import type { RuleActionResult, RuleRunOutcome } from '@switchboard/contracts';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { ConversationEntity } from '../../conversations/entities/conversation.entity';
import { AutomationRuleEntity } from './automation-rule.entity';

/** One line of the rule log: a rule ran for a conversation (applied, skipped or failed). Kept 90 days. */
@Entity('automation_runs')
@Check('automation_runs_outcome_check', `outcome IN ('applied', 'skipped', 'failed')`)
// The log's keyset pages, newest first (scanned backwards): all, per rule, per conversation.
@Index('automation_runs_account_idx', ['accountId', 'at', 'id'])
@Index('automation_runs_rule_idx', ['ruleId', 'at', 'id'])
@Index('automation_runs_conversation_idx', ['conversationId', 'at', 'id'])
// The 90-day prune.
@Index('automation_runs_at_idx', ['at'])
export class AutomationRunEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  ruleId!: string;

  @ManyToOne(() => AutomationRuleEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  rule?: AutomationRuleEntity;

  @Column('uuid', { nullable: true })
  conversationId!: string | null;

  @ManyToOne(() => ConversationEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  conversation?: ConversationEntity | null;

  @Column('text')
  trigger!: string;

  @Column('text')
  outcome!: RuleRunOutcome;

  @Column('jsonb', { default: [] })
  actions!: RuleActionResult[];

  @Column('text', { nullable: true })
  reason!: string | null;

  /** 0: fired by an operator's or customer's event; n: by an event of a rule run at depth n - 1. */
  @Column('smallint', { default: 0 })
  depth!: number;

  // clock_timestamp(): several runs of one transaction keep their order.
  @Column('timestamptz', { default: () => 'clock_timestamp()' })
  at!: Date;
}

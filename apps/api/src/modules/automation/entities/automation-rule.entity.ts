import type { RuleAction, RuleConditions, RuleTrigger } from '@switchboard/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';

/**
 * One automation rule: "when <trigger>, if <conditions>, do <actions>", evaluated in `position`
 * order. Trigger, conditions and actions are stored as the contracts' shapes (validated on save).
 */
@Entity('automation_rules')
@Index('automation_rules_account_position_idx', ['accountId', 'position'])
// The engine reads only the enabled rules of an account, in order.
@Index('automation_rules_enabled_idx', ['accountId', 'position'], { where: 'enabled' })
export class AutomationRuleEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('integer')
  position!: number;

  @Column('boolean', { default: true })
  enabled!: boolean;

  @Column('jsonb')
  trigger!: RuleTrigger;

  @Column('jsonb')
  conditions!: RuleConditions;

  @Column('jsonb')
  actions!: RuleAction[];

  @Column('timestamptz', { nullable: true })
  lastRunAt!: Date | null;

  /**
   * Time rules: every conversation whose anchor is at or before this instant has been handled, so
   * a poll looks only a little before it (the firings table guards the overlap).
   */
  @Column('timestamptz', { nullable: true })
  timeWatermark!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

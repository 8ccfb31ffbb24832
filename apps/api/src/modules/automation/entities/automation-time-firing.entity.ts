import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { ConversationEntity } from '../../conversations/entities/conversation.entity';
import { AutomationRuleEntity } from './automation-rule.entity';

/**
 * A time trigger that fired: once per (rule, conversation, anchor). Inserted in the firing
 * transaction, so neither a second instance nor a restart fires the same moment again.
 */
@Entity('automation_time_firings')
@Index('automation_time_firings_conversation_id_idx', ['conversationId'])
@Index('automation_time_firings_fired_at_idx', ['firedAt'])
export class AutomationTimeFiringEntity extends AccountOwnedEntity {
  @PrimaryColumn('uuid')
  ruleId!: string;

  @ManyToOne(() => AutomationRuleEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  rule?: AutomationRuleEntity;

  @PrimaryColumn('uuid')
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  conversation?: ConversationEntity;

  /** The instant the waiting is counted from (the customer's message, the snooze ...). */
  @PrimaryColumn('timestamptz')
  anchor!: Date;

  @Column('timestamptz', { default: () => 'now()' })
  firedAt!: Date;
}

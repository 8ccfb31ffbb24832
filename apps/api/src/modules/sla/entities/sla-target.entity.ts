import type { SlaState, SlaTarget } from '@switchboard/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { ConversationEntity } from '../../conversations/entities/conversation.entity';
import { SlaPolicyEntity } from './sla-policy.entity';

/**
 * One SLA clock of a conversation (its current round: a next response starts a new one). Active
 * while `completed_at` is null; `state` remembers whether it was breached. The poller looks at it
 * when `check_at` comes (the warning, then the due time); null when there is nothing left to do.
 */
@Entity('sla_targets')
@Check('sla_targets_target_check', `target IN ('first_response', 'next_response', 'resolution')`)
@Check('sla_targets_state_check', `state IN ('running', 'warning', 'breached')`)
@Index('sla_targets_check_idx', ['checkAt'], { where: 'check_at IS NOT NULL' })
@Index('sla_targets_policy_idx', ['policyId'], { where: 'policy_id IS NOT NULL' })
export class SlaTargetEntity extends AccountOwnedEntity {
  @PrimaryColumn('uuid')
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  conversation?: ConversationEntity;

  @PrimaryColumn('text')
  target!: SlaTarget;

  @Column('uuid', { nullable: true })
  policyId!: string | null;

  @ManyToOne(() => SlaPolicyEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  policy?: SlaPolicyEntity | null;

  @Column('timestamptz')
  startedAt!: Date;

  @Column('timestamptz')
  dueAt!: Date;

  @Column('timestamptz', { nullable: true })
  warnAt!: Date | null;

  @Column('text', { default: 'running' })
  state!: SlaState;

  @Column('timestamptz', { nullable: true })
  checkAt!: Date | null;

  /** Snoozed under a policy that does not count snoozed time: the clock stands still. */
  @Column('timestamptz', { nullable: true })
  pausedAt!: Date | null;

  /** Counted minutes spent paused in earlier snoozes: the due time moved later by them. */
  @Column('double precision', { default: 0 })
  pausedMinutes!: number;

  /** Met (or ended by closing) at; null while it runs. */
  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;
}

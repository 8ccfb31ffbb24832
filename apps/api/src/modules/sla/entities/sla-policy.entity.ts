import type { ConversationPriority } from '@switchboard/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';

/**
 * Response and resolution targets for an inbox's conversations of one priority (null: any
 * priority without a policy of its own). Every minutes field is optional, but one must be set.
 */
@Entity('sla_policies')
@Check(
  'sla_policies_priority_check',
  `priority IS NULL OR priority IN ('low', 'normal', 'high', 'urgent')`,
)
@Check(
  'sla_policies_target_check',
  `COALESCE(first_response_minutes, next_response_minutes, resolution_minutes) IS NOT NULL`,
)
@Check(
  'sla_policies_minutes_check',
  `(first_response_minutes > 0 AND next_response_minutes > 0 AND resolution_minutes > 0 AND warning_minutes_before > 0 AND warning_percent BETWEEN 1 AND 99) IS NOT FALSE`,
)
// One policy per (inbox, priority), the "any priority" one included, which TypeORM cannot
// declare; the migration creates: UNIQUE (inbox_id, COALESCE(priority, '*'))
@Index('sla_policies_inbox_priority_key', { synchronize: false })
export class SlaPolicyEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  inboxId!: string;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  @Column('text', { nullable: true })
  priority!: ConversationPriority | null;

  @Column('integer', { nullable: true })
  firstResponseMinutes!: number | null;

  @Column('integer', { nullable: true })
  nextResponseMinutes!: number | null;

  @Column('integer', { nullable: true })
  resolutionMinutes!: number | null;

  @Column('integer', { nullable: true })
  warningPercent!: number | null;

  @Column('integer', { nullable: true })
  warningMinutesBefore!: number | null;

  @Column('boolean', { default: true })
  countSnoozed!: boolean;

  @Column('boolean', { default: true })
  businessHours!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

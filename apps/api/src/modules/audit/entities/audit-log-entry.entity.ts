import type { AuditAction } from '@switchboard/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { OperatorEntity } from '../../operators/entities/operator.entity';

/**
 * One thing that happened to an account's security or configuration. Append-only: a trigger
 * (see its migration) refuses UPDATE and DELETE, so nothing, not even a bug, rewrites history.
 */
@Entity('audit_log_entries')
// (account_id, created_at DESC, id DESC): the keyset index of the log, created by the migration.
@Index('audit_log_entries_feed_idx', { synchronize: false })
@Index('audit_log_entries_action_idx', ['accountId', 'action', 'createdAt'])
export class AuditLogEntryEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  action!: AuditAction;

  @Column('uuid', { nullable: true })
  actorOperatorId!: string | null;

  @ManyToOne(() => OperatorEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  actorOperator?: OperatorEntity | null;

  /** Who it was as typed or named at the time (an email at a failed sign-in, a name later renamed). */
  @Column('text', { nullable: true })
  actorLabel!: string | null;

  @Column('text', { nullable: true })
  targetType!: string | null;

  @Column('text', { nullable: true })
  targetId!: string | null;

  @Column('text', { nullable: true })
  targetLabel!: string | null;

  @Column('inet', { nullable: true })
  ip!: string | null;

  @Column('jsonb', { default: {} })
  details!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt!: Date;
}

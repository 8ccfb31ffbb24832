import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';

/**
 * `simplified`: stored, but part of it could not be kept or read (a parse past its budget, broken
 * MIME, an attachment over the limit, an unknown charset); `duplicate`: the same mail (Message-ID
 * and content) was already imported; `automated`: stored and marked automatic (no auto-answers).
 */
export type EmailSyncLogAction =
  'refused' | 'skipped' | 'capped' | 'failed' | 'simplified' | 'duplicate' | 'automated';

/** A message the sync could not store as-is, shown in the inbox's settings. */
@Entity('email_sync_log')
@Check(
  'email_sync_log_action_check',
  `action IN ('refused', 'skipped', 'capped', 'failed', 'simplified', 'duplicate', 'automated')`,
)
// (inbox_id, id DESC): DESC, created by the migration.
@Index('email_sync_log_inbox_idx', { synchronize: false })
export class EmailSyncLogEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  inboxId!: string;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  @Column('bigint', { nullable: true })
  uid!: string | null;

  @Column('text', { nullable: true })
  messageId!: string | null;

  @Column('text')
  action!: EmailSyncLogAction;

  @Column('text')
  reason!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

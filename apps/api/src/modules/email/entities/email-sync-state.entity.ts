import {
  Check,
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';

export type EmailSyncStatus =
  'connecting' | 'importing' | 'idle' | 'polling' | 'error' | 'waiting_for_lock';

/** How far an email inbox's mailbox was read, and the history import's progress. */
@Entity('email_sync_states')
@Check(
  'email_sync_states_status_check',
  `status IN ('connecting', 'importing', 'idle', 'polling', 'error', 'waiting_for_lock')`,
)
export class EmailSyncStateEntity {
  @PrimaryColumn('uuid')
  inboxId!: string;

  @OneToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  @Column('text')
  mailbox!: string;

  /** NULL until the first connect; a different value on the server means every UID changed. */
  @Column('bigint', { nullable: true })
  uidvalidity!: string | null;

  /** Highest UID whose message was ingested (or refused) and committed. */
  @Column('bigint', { default: 0 })
  lastUid!: string;

  /** History import: mail received since this moment is imported on first connect. */
  @Column('timestamptz', { nullable: true })
  historySince!: Date | null;

  @Column('integer', { default: 0 })
  historyTotal!: number;

  @Column('integer', { default: 0 })
  historyDone!: number;

  @Column('timestamptz', { nullable: true })
  historyCompletedAt!: Date | null;

  @Column('text', { default: 'connecting' })
  status!: EmailSyncStatus;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @Column('timestamptz', { nullable: true })
  lastErrorAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  lastSyncedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

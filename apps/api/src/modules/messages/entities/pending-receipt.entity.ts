import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import type { ReceiptStatus } from '../delivery-transition';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';

/**
 * A delivery receipt that arrived before we knew which message it is about: the channel can answer
 * a send and report its delivery faster than the worker records the channel's id. Kept until the
 * id is recorded (then applied in that same transaction) or until it expires.
 */
@Entity('pending_receipts')
@Check('pending_receipts_status_check', `status IN ('sent', 'delivered', 'read', 'failed')`)
@Index('pending_receipts_expiry_idx', ['inboxId', 'expiresAt'])
export class PendingReceiptEntity extends AccountOwnedEntity {
  /** The inbox it arrived on: only that inbox's messages may take it. */
  @PrimaryColumn('uuid')
  inboxId!: string;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  /** The channel's id of one of our messages. */
  @PrimaryColumn('text')
  externalId!: string;

  @PrimaryColumn('text')
  status!: ReceiptStatus;

  @Column('text', { nullable: true })
  reason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column('timestamptz')
  expiresAt!: Date;
}

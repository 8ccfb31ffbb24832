import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';
import { MessageEntity } from '../../messages/entities/message.entity';

export type AttachmentFetchState = 'pending' | 'done' | 'failed';

/**
 * A file a channel announced and keeps on its side (Telegram's file_id), to be fetched into our
 * storage after the message is stored: the webhook is answered at once, and the bytes outlive
 * the provider's links. One per file per message.
 */
@Entity('attachment_fetches')
@Unique('attachment_fetches_message_file_key', ['messageId', 'uniqueId'])
@Check('attachment_fetches_state_check', `state IN ('pending', 'done', 'failed')`)
@Index('attachment_fetches_pending_idx', ['createdAt'], { where: `state = 'pending'` })
export class AttachmentFetchEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  inboxId!: string;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  @Column('uuid')
  messageId!: string;

  @ManyToOne(() => MessageEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  message?: MessageEntity;

  /** The entry's id in the message's `attachments`. */
  @Column('uuid')
  attachmentId!: string;

  /** What the adapter fetches it by; never shown to clients. */
  @Column('text')
  remoteRef!: string;

  @Column('text')
  uniqueId!: string;

  @Column('text', { default: 'pending' })
  state!: AttachmentFetchState;

  @Column('integer', { default: 0 })
  attempts!: number;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

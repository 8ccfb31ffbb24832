import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';

/** An automatic acknowledgement sent, for the per-conversation and per-recipient hourly caps. */
@Entity('email_auto_replies')
@Index('email_auto_replies_conversation_key', ['inboxId', 'conversationId'], { unique: true })
@Index('email_auto_replies_recent_idx', ['inboxId', 'recipient', 'sentAt'])
export class EmailAutoReplyEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  inboxId!: string;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  // No foreign key: the cap must hold even if the conversation is deleted.
  @Column('uuid')
  conversationId!: string;

  @Column('text')
  recipient!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt!: Date;
}

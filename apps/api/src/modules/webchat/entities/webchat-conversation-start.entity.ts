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

/** A new conversation started from the widget, counted per IP for the rate limit. */
@Entity('webchat_conversation_starts')
@Index('webchat_conversation_starts_ip_idx', ['ip', 'createdAt'])
export class WebchatConversationStartEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  inboxId!: string;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  @Column('inet')
  ip!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

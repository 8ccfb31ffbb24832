import type { NotificationDetail } from '@switchboard/contracts';
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
import { ConversationEntity } from '../../conversations/entities/conversation.entity';
import { OperatorEntity } from '../../operators/entities/operator.entity';

/** Something an operator should look at (a conversation woke up, was assigned to them, ...). */
@Entity('notifications')
// (operator_id, created_at DESC) WHERE read_at IS NULL: DESC, created by the migration.
@Index('notifications_operator_unread_idx', { synchronize: false })
// (operator_id, created_at DESC, id DESC): the notification centre's pages, read or not.
@Index('notifications_operator_created_idx', { synchronize: false })
export class NotificationEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  operatorId!: string;

  @ManyToOne(() => OperatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  operator?: OperatorEntity;

  @Column('text')
  type!: string;

  @Column('uuid')
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  conversation?: ConversationEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  readAt!: Date | null;

  /** What the notification says beyond its type (a rule's name and message). */
  @Column('jsonb', { nullable: true })
  detail!: NotificationDetail | null;
}

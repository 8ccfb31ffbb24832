import {
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
import { ContactEntity } from '../../contacts/entities/contact.entity';
import { MessageEntity } from '../../messages/entities/message.entity';
import { OperatorEntity } from '../../operators/entities/operator.entity';

/**
 * Work for an operator, made from a message or a conversation: linked to one or more
 * conversations (TaskConversationEntity) and to the customer. `remindedAt` is set, once, by the
 * reminder that tells the assignee it fell due; moving the due time later clears it (re-armed).
 */
@Entity('tasks')
// The reminder's poll: open tasks not yet reminded, by due time (like conversations_snooze_due_idx).
@Index('tasks_reminder_due_idx', ['dueAt'], { where: 'reminded_at IS NULL AND done_at IS NULL' })
// "mine" tab: my open tasks by due time (keyset on due_at, id).
@Index('tasks_assignee_open_idx', ['assigneeId', 'dueAt', 'id'], { where: 'done_at IS NULL' })
// "all" and "overdue" tabs: the account's open tasks by due time.
@Index('tasks_account_open_idx', ['accountId', 'dueAt', 'id'], { where: 'done_at IS NULL' })
// "done" tab: newest done first (scanned backwards).
@Index('tasks_account_done_idx', ['accountId', 'doneAt', 'id'], { where: 'done_at IS NOT NULL' })
export class TaskEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  title!: string;

  @Column('text', { default: '' })
  description!: string;

  @Column('uuid')
  assigneeId!: string;

  @ManyToOne(() => OperatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  assignee?: OperatorEntity;

  @Column('uuid')
  createdById!: string;

  @ManyToOne(() => OperatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  createdBy?: OperatorEntity;

  /** The customer it is about; kept when a conversation is unlinked, cleared if the card goes. */
  @Column('uuid', { nullable: true })
  contactId!: string | null;

  @ManyToOne(() => ContactEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  contact?: ContactEntity | null;

  @Column('uuid', { nullable: true })
  sourceMessageId!: string | null;

  @ManyToOne(() => MessageEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  sourceMessage?: MessageEntity | null;

  @Column('timestamptz')
  dueAt!: Date;

  @Column('timestamptz', { nullable: true })
  doneAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  remindedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

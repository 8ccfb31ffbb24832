import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { ConversationEntity } from '../../conversations/entities/conversation.entity';
import { TaskEntity } from './task.entity';

/** A task linked to a conversation: at most once (the key), gone with either side. */
@Entity('task_conversations')
// A conversation's tasks (its header and timeline) are looked up by conversation.
@Index(['conversationId'])
export class TaskConversationEntity extends AccountOwnedEntity {
  @PrimaryColumn('uuid')
  taskId!: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  task?: TaskEntity;

  @PrimaryColumn('uuid')
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  conversation?: ConversationEntity;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

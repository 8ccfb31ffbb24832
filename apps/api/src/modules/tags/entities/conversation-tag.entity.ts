import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { ConversationEntity } from '../../conversations/entities/conversation.entity';
import { TagEntity } from './tag.entity';

/** A tag on a conversation: at most once (the key), gone with either side. */
@Entity('conversation_tags')
// The feed's tag filter and a merge look links up by tag.
@Index(['tagId'])
export class ConversationTagEntity extends AccountOwnedEntity {
  @PrimaryColumn('uuid')
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  conversation?: ConversationEntity;

  @PrimaryColumn('uuid')
  tagId!: string;

  @ManyToOne(() => TagEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  tag?: TagEntity;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

import type { DraftMode } from '@switchboard/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { ConversationEntity } from '../../conversations/entities/conversation.entity';
import { OperatorEntity } from '../../operators/entities/operator.entity';

/**
 * The reply an operator is writing in one conversation, kept on the server so it survives a
 * reload and follows them to another device. One per operator and conversation; sending clears it.
 */
@Entity('conversation_drafts')
@Check('conversation_drafts_mode_check', `mode IN ('reply', 'note')`)
// Deleting a conversation cascades here; without this index that would scan every draft.
@Index(['conversationId'])
export class DraftEntity extends AccountOwnedEntity {
  @PrimaryColumn('uuid')
  operatorId!: string;

  @ManyToOne(() => OperatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  operator?: OperatorEntity;

  @PrimaryColumn('uuid')
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  conversation?: ConversationEntity;

  @Column('text')
  text!: string;

  @Column('text', { default: 'reply' })
  mode!: DraftMode;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt!: Date;
}

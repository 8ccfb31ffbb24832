import type { ParticipationReason } from '@switchboard/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { ConversationEntity } from '../../conversations/entities/conversation.entity';
import { OperatorEntity } from '../../operators/entities/operator.entity';

/**
 * An operator who takes part in a conversation (replied, was mentioned, follows it) and so hears
 * about each new customer message. Once per operator (the key): the first reason stays.
 */
@Entity('conversation_participants')
// "What do I follow" and an operator's removal look rows up by operator.
@Index(['operatorId'])
export class ConversationParticipantEntity extends AccountOwnedEntity {
  @PrimaryColumn('uuid')
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  conversation?: ConversationEntity;

  @PrimaryColumn('uuid')
  operatorId!: string;

  @ManyToOne(() => OperatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  operator?: OperatorEntity;

  @Column('text')
  reason!: ParticipationReason;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

import type { ActorRef } from '@switchboard/contracts';
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
import { TeamEntity } from '../../access/entities/team.entity';
import { ConversationEntity } from '../../conversations/entities/conversation.entity';

/** A conversation waiting for a member of its team to have room; gone with the conversation. */
@Entity('routing_queue')
// The queue is read and drained in arrival order, per team.
@Index('routing_queue_team_idx', ['teamId', 'seq'])
export class RoutingQueueEntryEntity extends AccountOwnedEntity {
  @PrimaryColumn('uuid')
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  conversation?: ConversationEntity;

  @Column('uuid')
  teamId!: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  team?: TeamEntity;

  /** Arrival order: the team's `seq`, taken under the team's lock. */
  @Column('bigint')
  seq!: string;

  /** Who routed it (an operator or a rule), named on the assignment when someone has room; null: the team's round-robin. */
  @Column('jsonb', { nullable: true })
  routedBy!: ActorRef | null;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  enqueuedAt!: Date;
}

import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { TimeEntrySource } from '@switchboard/contracts';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { ConversationEntity } from '../../conversations/entities/conversation.entity';
import { OperatorEntity } from '../../operators/entities/operator.entity';

/**
 * Time an operator spent on a conversation. A `tracked` row is one segment of work, grown by the
 * SPA's heartbeats (`lastBeatAt` is the latest; a segment never holds more seconds than the wall
 * time since it started). A `manual` row is a correction (±seconds) with its reason and author.
 */
@Entity('time_entries')
@Check('time_entries_source_check', `source IN ('tracked', 'manual')`)
@Check('time_entries_reason_check', `source = 'tracked' OR reason IS NOT NULL`)
@Check('time_entries_seconds_check', `source = 'manual' OR seconds >= 0`)
// The operator's current segment on a conversation: their newest tracked row.
@Index('time_entries_segment_idx', ['operatorId', 'conversationId', 'lastBeatAt'])
// A conversation's time and its entries, newest first.
@Index('time_entries_conversation_idx', ['conversationId', 'startedAt'])
// The time report: the account's entries of a period.
@Index('time_entries_account_started_idx', ['accountId', 'startedAt'])
export class TimeEntryEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  conversation?: ConversationEntity;

  /** Whose time it is. */
  @Column('uuid')
  operatorId!: string;

  @ManyToOne(() => OperatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  operator?: OperatorEntity;

  @Column('text')
  source!: TimeEntrySource;

  /** When the work began (a segment) or the correction was made. */
  @Column('timestamptz')
  startedAt!: Date;

  /** The segment's latest heartbeat; for a correction, when it was made. */
  @Column('timestamptz')
  lastBeatAt!: Date;

  @Column('integer', { default: 0 })
  seconds!: number;

  /** Why a correction was made (required for one). */
  @Column('text', { nullable: true })
  reason!: string | null;

  /** Who made the correction. */
  @Column('uuid', { nullable: true })
  createdById!: string | null;

  @ManyToOne(() => OperatorEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  createdBy?: OperatorEntity | null;
}

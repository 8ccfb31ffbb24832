import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';

/**
 * One resolution cycle of a conversation: created (seq 1) or reopened (seq > 1) until closed or
 * merged away. Team and operator follow the conversation while it is open and stay as they were
 * at the close. Open and snoozed cycles are the backlog, counted by their spans (ReportSpanEntity).
 */
@Entity('report_cycles')
@Index('report_cycles_started_idx', ['accountId', 'startedDay'])
@Index('report_cycles_closed_idx', ['accountId', 'closedDay'], { where: 'closed_day IS NOT NULL' })
@Index('report_cycles_conversation_idx', ['conversationId'])
export class ReportCycleEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  conversationId!: string;

  @Column('integer')
  seq!: number;

  @Column('uuid')
  inboxId!: string;

  @Column('text')
  channel!: string;

  @Column('uuid', { nullable: true })
  teamId!: string | null;

  @Column('uuid', { nullable: true })
  operatorId!: string | null;

  @Column('timestamptz')
  startedAt!: Date;

  /** The start's local day in the account's timezone. */
  @Column('date')
  startedDay!: string;

  @Column('timestamptz', { nullable: true })
  closedAt!: Date | null;

  /** The close's local day in the account's timezone. */
  @Column('date', { nullable: true })
  closedDay!: string | null;

  /** Ended by a merge: not handled, so neither closed nor a resolution time. */
  @Column('boolean', { default: false })
  merged!: boolean;

  @Column('double precision', { nullable: true })
  seconds!: number | null;

  @Column('double precision', { nullable: true })
  businessSeconds!: number | null;
}

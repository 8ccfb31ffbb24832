import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';

/**
 * A stretch of a resolution cycle with one owner and place: a cycle opens its first span, every
 * change of inbox, channel, team or operator while it is open ends one and starts the next, and
 * the close (or a merge) ends the last. The backlog at any instant is the spans open then, each
 * counted for whoever owned the conversation at that moment.
 */
@Entity('report_spans')
@Index('report_spans_started_idx', ['accountId', 'startedDay'])
@Index('report_spans_ended_idx', ['accountId', 'endedDay'], { where: 'ended_day IS NOT NULL' })
@Index('report_spans_conversation_idx', ['conversationId'])
// The backlog at a period's start, which TypeORM cannot declare; the migration creates:
// USING gist (account_id, tstzrange(started_at, ended_at, '(]'))
@Index('report_spans_range_idx', { synchronize: false })
export class ReportSpanEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  conversationId!: string;

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
  endedAt!: Date | null;

  @Column('date', { nullable: true })
  endedDay!: string | null;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';

/**
 * Daily counters per conversation, local day and place and owner at the time
 * (`dim_key` = inbox/channel/team/operator):
 * per conversation so that the tag dimension can join the conversation's current tags.
 */
@Entity('report_daily')
@Index('report_daily_day_idx', ['accountId', 'day'])
export class ReportDailyEntity extends AccountOwnedEntity {
  @PrimaryColumn('uuid')
  conversationId!: string;

  @PrimaryColumn('date')
  day!: string;

  @PrimaryColumn('text')
  dimKey!: string;

  @Column('uuid')
  inboxId!: string;

  @Column('text')
  channel!: string;

  @Column('uuid', { nullable: true })
  teamId!: string | null;

  @Column('uuid', { nullable: true })
  operatorId!: string | null;

  @Column('integer', { default: 0 })
  newCount!: number;

  @Column('integer', { default: 0 })
  closedCount!: number;

  @Column('integer', { default: 0 })
  reopenedCount!: number;

  @Column('integer', { default: 0 })
  replies!: number;

  @Column('integer', { default: 0 })
  slaMet!: number;

  @Column('integer', { default: 0 })
  slaBreached!: number;

  @Column('integer', { default: 0 })
  csatCount!: number;

  @Column('integer', { default: 0 })
  csatSum!: number;

  @Column('integer', { default: 0 })
  csatSatisfied!: number;

  @Column('integer', { default: 0 })
  npsCount!: number;

  @Column('integer', { default: 0 })
  npsPromoters!: number;

  @Column('integer', { default: 0 })
  npsDetractors!: number;
}

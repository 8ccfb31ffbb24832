import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';

/** One answered wait: a customer's message (the first unanswered one) to our next reply. */
@Entity('report_responses')
@Check('report_responses_kind_check', `kind IN ('first', 'next')`)
@Index('report_responses_day_idx', ['accountId', 'day'])
@Index('report_responses_conversation_idx', ['conversationId'])
export class ReportResponseEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  conversationId!: string;

  @Column('text')
  kind!: 'first' | 'next';

  /** The reply's local day in the account's timezone. */
  @Column('date')
  day!: string;

  @Column('uuid')
  inboxId!: string;

  @Column('text')
  channel!: string;

  @Column('uuid', { nullable: true })
  teamId!: string | null;

  /** Who replied. */
  @Column('uuid', { nullable: true })
  operatorId!: string | null;

  @Column('timestamptz')
  askedAt!: Date;

  @Column('timestamptz')
  answeredAt!: Date;

  @Column('double precision')
  seconds!: number;

  /** The same wait counted in the inbox's business hours. */
  @Column('double precision')
  businessSeconds!: number;
}

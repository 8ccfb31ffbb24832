import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { MessageEntity } from '../../messages/entities/message.entity';

/** How an attempt ended; null while it runs. */
export const OUTBOUND_ATTEMPT_OUTCOMES = ['sent', 'failed', 'retry', 'uncertain'] as const;
export type OutboundAttemptOutcome = (typeof OUTBOUND_ATTEMPT_OUTCOMES)[number];

/**
 * One try at handing an outgoing message to its channel. It is claimed (with a lease) before the
 * channel is called and finished after, so a crash, a redelivered job or a second instance can
 * always tell "running", "done" and "died while sending" apart, and never sends over a running
 * attempt: the database allows one unfinished attempt per message.
 */
@Entity('outbound_attempts')
@Unique('outbound_attempts_message_id_number_key', ['messageId', 'number'])
@Index('outbound_attempts_running_key', ['messageId'], {
  unique: true,
  where: 'finished_at IS NULL',
})
@Check('outbound_attempts_outcome_check', `outcome IN ('sent', 'failed', 'retry', 'uncertain')`)
@Check('outbound_attempts_finished_check', '(finished_at IS NULL) = (outcome IS NULL)')
export class OutboundAttemptEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  messageId!: string;

  @ManyToOne(() => MessageEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  message?: MessageEntity;

  /** 1, 2, … per message, across automatic retries and deliberate resends. */
  @Column('integer')
  number!: number;

  /** Asked for by an operator (a retry of a failed send, a resend of an uncertain one). */
  @Column('boolean', { default: false })
  deliberate!: boolean;

  /** The process that runs it (host, pid, boot id): who to blame for a lease that ran out. */
  @Column('text')
  worker!: string;

  @Column('timestamptz', { default: () => 'clock_timestamp()' })
  startedAt!: Date;

  /** Past this, nobody is running the attempt any more: its outcome is unknown. */
  @Column('timestamptz')
  leaseExpiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  finishedAt!: Date | null;

  @Column('text', { nullable: true })
  outcome!: OutboundAttemptOutcome | null;

  /** The channel's answer: its id for the message, or why it failed. */
  @Column('text', { nullable: true })
  detail!: string | null;
}

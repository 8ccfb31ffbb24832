import type { WebhookDeliveryStatus } from '@switchboard/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

/**
 * One event (or rule call) to post to one endpoint, with the state of its attempts. The id is the
 * body's `id`, the same on every attempt, so receivers can drop repeats.
 */
@Entity('webhook_deliveries')
@Check('webhook_deliveries_status_check', `status IN ('pending', 'sending', 'delivered', 'failed')`)
@Check('webhook_deliveries_source_check', `(subscription_id IS NULL) = (rule_id IS NOT NULL)`)
// One delivery per subscription and stream event, whatever happens to the consumer.
@Index('webhook_deliveries_event_key', ['subscriptionId', 'eventCursor'], {
  unique: true,
  where: 'event_cursor IS NOT NULL',
})
// The log, newest first; the migration creates them with DESC keys:
//   (subscription_id, created_at DESC, id DESC)
@Index('webhook_deliveries_log_idx', { synchronize: false })
//   (account_id, created_at DESC, id DESC) WHERE subscription_id IS NULL
@Index('webhook_deliveries_rule_log_idx', { synchronize: false })
@Index('webhook_deliveries_created_idx', ['createdAt'])
export class WebhookDeliveryEntity extends AccountOwnedEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { nullable: true })
  subscriptionId!: string | null;

  @ManyToOne(() => WebhookSubscriptionEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  subscription?: WebhookSubscriptionEntity | null;

  // No foreign key: a rule may be deleted while its calls are still in the log.
  @Column('uuid', { nullable: true })
  ruleId!: string | null;

  @Column('text', { nullable: true })
  ruleName!: string | null;

  /** Where it goes (a subscription's URL is re-read at each attempt and recorded here). */
  @Column('text')
  url!: string;

  @Column('text')
  eventType!: string;

  /** The stream event it was made from; null for a rule call. */
  @Column('bigint', { nullable: true })
  eventCursor!: string | null;

  /** The body posted, `{id, type, createdAt, accountId, data}`, serialised the same every time. */
  @Column('jsonb')
  body!: Record<string, unknown>;

  @Column('text', { default: 'pending' })
  status!: WebhookDeliveryStatus;

  @Column('integer', { default: 0 })
  attempts!: number;

  /** While `sending`: after this, the attempt's process is presumed dead and the job may retake it. */
  @Column('timestamptz', { nullable: true })
  leaseUntil!: Date | null;

  @Column('timestamptz', { nullable: true })
  nextAttemptAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  lastAttemptAt!: Date | null;

  @Column('integer', { nullable: true })
  lastStatusCode!: number | null;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @Column('integer', { nullable: true })
  lastDurationMs!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a counter counts. */
export type WidgetUsageKind = 'message' | 'upload' | 'confirmation-mail';

/**
 * One fixed window of the public widget's usage by one subject (a visitor, an IP network, an email
 * address): how many times, and how many bytes. Counted in PostgreSQL so every API instance sees
 * the same numbers; rows past `expiresAt` are swept.
 */
@Entity('webchat_usage_counters')
@Index('webchat_usage_counters_expires_idx', ['expiresAt'])
export class WebchatUsageCounterEntity {
  @PrimaryColumn('text')
  kind!: WidgetUsageKind;

  /** `visitor:<inbox id>:<visitor key>`, `ip:<address or IPv6 /64>` or `address:<email>`. */
  @PrimaryColumn('text')
  subject!: string;

  @PrimaryColumn('timestamptz')
  windowStart!: Date;

  @Column('integer', { default: 0 })
  count!: number;

  @Column('bigint', { default: 0 })
  bytes!: string;

  @Column('timestamptz')
  expiresAt!: Date;
}

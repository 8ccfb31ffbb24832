import type { WebhookEventType } from '@switchboard/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';

/** An integrator's endpoint and the public events it wants, signed with its own secret. */
@Entity('webhook_subscriptions')
@Index('webhook_subscriptions_account_idx', ['accountId', 'createdAt'])
export class WebhookSubscriptionEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  url!: string;

  @Column('text', { default: '' })
  description!: string;

  @Column('text', { array: true })
  eventTypes!: WebhookEventType[];

  @Column('boolean', { default: true })
  enabled!: boolean;

  @Column('boolean', { default: false })
  includeNotes!: boolean;

  /** The HMAC secret, sealed with SecretBox: we need it back to sign, so it is not hashed. */
  @Column('text')
  secretSealed!: string;

  /** Why the server disabled it (410 Gone); cleared when an admin enables it again. */
  @Column('text', { nullable: true })
  disabledReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

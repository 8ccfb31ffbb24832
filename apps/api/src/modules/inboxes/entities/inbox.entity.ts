import type { BusinessHours, ChannelKind, ReopenPolicy } from '@switchboard/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';

/** One channel connection (a mailbox, a widget, a bot). Secrets are sealed, never returned. */
@Entity('inboxes')
@Check('inboxes_kind_check', `kind IN ('api', 'webchat', 'email', 'telegram', 'whatsapp')`)
@Check('inboxes_reopen_policy_check', `reopen_policy IN ('reopen', 'new_conversation')`)
@Check(
  'inboxes_hourly_rate_check',
  'hourly_rate >= 0 AND (hourly_rate IS NULL) = (hourly_rate_currency IS NULL)',
)
@Index('inboxes_account_idx', ['accountId'])
export class InboxEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  kind!: ChannelKind;

  @Column('text')
  name!: string;

  @Column('jsonb', { default: {} })
  settings!: Record<string, unknown>;

  /** AES-256-GCM sealed JSON of the channel's secrets (see SecretBox). */
  @Column('text', { nullable: true })
  secretsEncrypted!: string | null;

  /** Which secrets are set, so the settings form can say so without revealing them. */
  @Column('text', { array: true, default: [] })
  secretKeys!: string[];

  @Column('text', { default: 'reopen' })
  reopenPolicy!: ReopenPolicy;

  /**
   * Free-form replies are allowed this many hours after the customer's last message (a WhatsApp
   * sender: 24); null: always. Set from the adapter whenever the inbox is saved.
   */
  @Column('integer', { nullable: true })
  replyWindowHours!: number | null;

  /** Why the channel cannot work now (a revoked token), in the provider's words; null while it works. */
  @Column('text', { nullable: true })
  connectionError!: string | null;

  @Column('timestamptz', { nullable: true })
  connectionErrorAt!: Date | null;

  /** Weekly open hours, timezone and holidays (modules/business-hours); null: always open. */
  @Column('jsonb', { nullable: true })
  businessHours!: BusinessHours | null;

  /**
   * Removed by an admin: disconnected from the provider, gone from settings, its webhooks answer 404.
   * Its conversations stay (closed conversations are never deleted) and remain searchable.
   */
  @Column('timestamptz', { nullable: true })
  removedAt!: Date | null;

  /**
   * Paused by an admin: the pull loops (IMAP sync, Telegram long polling) leave it alone until it
   * is resumed; what arrived at the provider meanwhile is read then. Null while it runs.
   */
  @Column('timestamptz', { nullable: true })
  pausedAt!: Date | null;

  /** What an hour of work on this inbox's conversations costs (modules/time-tracking); null: no rate. */
  @Column('numeric', { precision: 12, scale: 2, nullable: true })
  hourlyRate!: string | null;

  /** ISO 4217 currency of the hourly rate, set together with it. */
  @Column('text', { nullable: true })
  hourlyRateCurrency!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

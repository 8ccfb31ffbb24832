import type {
  ConversationPriority,
  ConversationStatus,
  MessageDirection,
} from '@switchboard/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { TeamEntity } from '../../access/entities/team.entity';
import { ContactIdentityEntity } from '../../contacts/entities/contact-identity.entity';
import { ContactEntity } from '../../contacts/entities/contact.entity';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';
import { OperatorEntity } from '../../operators/entities/operator.entity';

/**
 * A thread with one customer. Open, snoozed (with `snoozedUntil`) or closed; never deleted by
 * the product. The `last_*` columns are the feed row, kept current by every message.
 */
@Entity('conversations')
@Unique('conversations_number_key', ['accountId', 'number'])
@Check('conversations_status_check', `status IN ('open', 'snoozed', 'closed')`)
@Check(
  'conversations_last_message_direction_check',
  `last_message_direction IN ('incoming', 'outgoing')`,
)
@Check('conversations_snooze_check', `(status = 'snoozed') = (snoozed_until IS NOT NULL)`)
@Check('conversations_priority_check', `priority IN ('low', 'normal', 'high', 'urgent')`)
//   (account_id, status, <priority rank> DESC, last_activity_at DESC, id DESC): the feed most
//   urgent first (PRIORITY_RANK_SQL in modules/priority)
@Index('conversations_priority_feed_idx', { synchronize: false })
// The feed's keyset indexes sort DESC, which TypeORM cannot declare; the migration creates:
//   (account_id, status, last_activity_at DESC, id DESC)
@Index('conversations_feed_idx', { synchronize: false })
//   (account_id, assignee_id, status, last_activity_at DESC, id DESC)
@Index('conversations_assignee_feed_idx', { synchronize: false })
//   (inbox_id, status, last_activity_at DESC, id DESC)
@Index('conversations_inbox_feed_idx', { synchronize: false })
//   (account_id, last_activity_at DESC, id DESC): the feed over every status (search)
@Index('conversations_activity_idx', { synchronize: false })
//   GIN (lower(subject) gin_trgm_ops) WHERE subject IS NOT NULL: search by part of a subject
@Index('conversations_subject_search_idx', { synchronize: false })
//   (identity_id, created_at DESC)
@Index('conversations_identity_idx', { synchronize: false })
@Index('conversations_snooze_due_idx', ['snoozedUntil'], { where: `status = 'snoozed'` })
//   (account_id, GREATEST(last_activity_at, snoozed_until) DESC, id DESC) WHERE status = 'snoozed':
//   the open feed's due snoozes in its order (DUE_SNOOZE_SQL in conversation-feed-sql.repository)
@Index('conversations_due_snooze_feed_idx', { synchronize: false })
@Index('conversations_contact_idx', ['contactId'])
// Time-triggered automation rules (see the automation migration): who waits for us, for the
// customer, and since when a status holds.
@Index('conversations_awaiting_operator_idx', ['accountId', 'lastIncomingAt'], {
  where: `status = 'open' AND last_message_direction = 'incoming'`,
})
@Index('conversations_awaiting_customer_idx', ['accountId', 'lastActivityAt'], {
  where: `status = 'open' AND last_message_direction = 'outgoing'`,
})
@Index('conversations_status_since_idx', ['accountId', 'status', 'statusChangedAt'])
export class ConversationEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** `#1042`: per account, from the account's sequence. */
  @Column('integer')
  number!: number;

  @Column('uuid')
  inboxId!: string;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  @Column('uuid')
  contactId!: string;

  @ManyToOne(() => ContactEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  contact?: ContactEntity;

  @Column('uuid')
  identityId!: string;

  @ManyToOne(() => ContactIdentityEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  identity?: ContactIdentityEntity;

  @Column('text', { default: 'open' })
  status!: ConversationStatus;

  @Column('timestamptz', { nullable: true })
  snoozedUntil!: Date | null;

  @Column('uuid', { nullable: true })
  assigneeId!: string | null;

  @ManyToOne(() => OperatorEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  assignee?: OperatorEntity | null;

  /** The team the conversation is assigned to, besides or instead of an operator. */
  @Column('uuid', { nullable: true })
  @Index()
  assigneeTeamId!: string | null;

  @ManyToOne(() => TeamEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  assigneeTeam?: TeamEntity | null;

  @Column('uuid', { nullable: true })
  snoozedById!: string | null;

  @ManyToOne(() => OperatorEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  snoozedBy?: OperatorEntity | null;

  @Column('text', { nullable: true })
  subject!: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  lastActivityAt!: Date;

  @Column('text', { nullable: true })
  lastMessagePreview!: string | null;

  @Column('text', { nullable: true })
  lastMessageDirection!: MessageDirection | null;

  @Column('timestamptz', { nullable: true })
  lastIncomingAt!: Date | null;

  @Column('integer', { default: 0 })
  unreadCount!: number;

  @Column('timestamptz', { nullable: true })
  firstReplyAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  closedAt!: Date | null;

  /** When the status last changed (a trigger keeps it): anchors time-triggered rules. */
  @Column('timestamptz', { default: () => 'now()' })
  statusChangedAt!: Date;

  /** Set when this conversation was merged into another: closed for good, inbound follows it. */
  @Column('uuid', { nullable: true })
  @Index('conversations_merged_into_idx', { where: 'merged_into_id IS NOT NULL' })
  mergedIntoId!: string | null;

  @ManyToOne(() => ConversationEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  mergedInto?: ConversationEntity | null;

  /** How urgent: set by hand or by rules (modules/priority). */
  @Column('text', { default: 'normal' })
  priority!: ConversationPriority;

  /** Due instants of the running SLA targets, mirrored from `sla_targets` (modules/sla). */
  @Column('timestamptz', { nullable: true })
  slaFirstResponseDueAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  slaNextResponseDueAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  slaResolutionDueAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

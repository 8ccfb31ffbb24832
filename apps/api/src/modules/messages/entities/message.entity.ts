import type {
  Activity,
  AttachmentDto,
  DeliveryStatus,
  EmailRecipientsDto,
  MessageDirection,
  MessageDto,
  MessageKind,
  MentionDto,
  MessageSourcePageDto,
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
import { ContactIdentityEntity } from '../../contacts/entities/contact-identity.entity';
import { ContactEntity } from '../../contacts/entities/contact.entity';
import { ConversationEntity } from '../../conversations/entities/conversation.entity';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';
import { OperatorEntity } from '../../operators/entities/operator.entity';

/** A customer message, an operator reply, an internal note or an activity in the timeline. */
@Entity('messages')
// The channel's own id, one key per direction: the same inbound message is never stored twice,
// and an id a provider gave one of our sends names only that send. Providers number the two
// directions independently, so an inbound id equal to an outbound one is a different message.
@Index('messages_incoming_external_key', ['inboxId', 'externalId'], {
  unique: true,
  where: `direction = 'incoming'`,
})
@Index('messages_outgoing_external_key', ['inboxId', 'externalId'], {
  unique: true,
  where: `direction = 'outgoing'`,
})
// The operator's client id: a retried send never stores a second reply.
@Unique('messages_client_message_key', ['conversationId', 'clientMessageId'])
@Check('messages_direction_check', `direction IN ('incoming', 'outgoing')`)
@Check('messages_kind_check', `kind IN ('message', 'note', 'activity')`)
@Check('messages_sender_type_check', `sender_type IN ('contact', 'operator', 'system')`)
@Check(
  'messages_delivery_status_check',
  `delivery_status IN ('pending', 'sent', 'delivered', 'read', 'failed', 'uncertain')`,
)
// (conversation_id, created_at DESC, id DESC): a DESC keyset index, created by the migration.
@Index('messages_timeline_idx', { synchronize: false })
// GIN (attachments jsonb_path_ops): which messages carry a file, for download access.
@Index('messages_attachments_idx', { synchronize: false })
// GIN (conversation_id, sb_search_vector(text)) WHERE text IS NOT NULL: search (its migration,
// which also creates the statistics object messages_search_stats on the vector).
@Index('messages_search_idx', { synchronize: false })
// GIN (email_recipients jsonb_path_ops) WHERE email_recipients IS NOT NULL: who was copied where.
@Index('messages_email_recipients_idx', { synchronize: false })
@Index('messages_account_external_idx', ['accountId', 'externalId'], {
  where: 'external_id IS NOT NULL',
})
// The release poll reads held replies only (Undo send).
@Index('messages_undo_until_idx', ['undoUntil'], { where: 'undo_until IS NOT NULL' })
export class MessageEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  conversation?: ConversationEntity;

  /** The inbox it travelled through (may differ from the conversation's: a chat continued by email). */
  @Column('uuid')
  inboxId!: string;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  @Column('text')
  direction!: MessageDirection;

  @Column('text')
  kind!: MessageKind;

  @Column('text')
  senderType!: MessageDto['sender']['type'];

  @Column('uuid', { nullable: true })
  senderOperatorId!: string | null;

  @ManyToOne(() => OperatorEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  senderOperator?: OperatorEntity | null;

  @Column('uuid', { nullable: true })
  senderContactId!: string | null;

  @ManyToOne(() => ContactEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  senderContact?: ContactEntity | null;

  @Column('text', { nullable: true })
  text!: string | null;

  /** Sanitised before it is stored. */
  @Column('text', { nullable: true })
  html!: string | null;

  @Column('jsonb', { default: [] })
  attachments!: AttachmentDto[];

  @Column('jsonb', { nullable: true })
  activity!: Activity | null;

  /** Colleagues @mentioned in a note; a customer-facing message never has any. */
  @Column('jsonb', { default: [] })
  mentions!: MentionDto[];

  @Column('text', { nullable: true })
  externalId!: string | null;

  @Column('uuid', { nullable: true })
  clientMessageId!: string | null;

  /** The approved template an outgoing message was sent as (WhatsApp outside its window). */
  @Column('jsonb', { nullable: true })
  template!: { id: string; variables: Record<string, string> } | null;

  /** When the customer last edited it on their side (Telegram). */
  @Column('timestamptz', { nullable: true })
  editedAt!: Date | null;

  /** Automatic mail (RFC 3834 and the like): stored, never answered by an automation rule. */
  @Column('boolean', { default: false })
  automated!: boolean;

  /** Email: who else it went to (a customer's To and Cc; a reply's Cc and Bcc); null elsewhere. */
  @Column('jsonb', { nullable: true })
  emailRecipients!: EmailRecipientsDto | null;

  /** Web chat: the page the visitor wrote from and its referrer; null elsewhere. */
  @Column('jsonb', { nullable: true })
  sourcePage!: MessageSourcePageDto | null;

  /** The customer message an operator's reply answers. */
  @Column('uuid', { nullable: true })
  replyToMessageId!: string | null;

  @ManyToOne(() => MessageEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  replyToMessage?: MessageEntity | null;

  /**
   * The customer identity an outgoing reply goes to when it is not the conversation's own ("Reply
   * via" in a merged conversation that holds several channels); null: the conversation's.
   */
  @Column('uuid', { nullable: true })
  @Index('messages_recipient_identity_idx', { where: 'recipient_identity_id IS NOT NULL' })
  recipientIdentityId!: string | null;

  @ManyToOne(() => ContactIdentityEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  recipientIdentity?: ContactIdentityEntity | null;

  @Column('text', { nullable: true })
  deliveryStatus!: DeliveryStatus | null;

  @Column('text', { nullable: true })
  failureReason!: string | null;

  /**
   * Undo send: the reply is held (no delivery job, hidden from the customer) until then, when
   * ReplyReleaseService hands it to the channel; null once released, and on every other message.
   */
  @Column('timestamptz', { nullable: true })
  undoUntil!: Date | null;

  // clock_timestamp(), not now(): several messages of one transaction keep their order.
  @CreateDateColumn({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

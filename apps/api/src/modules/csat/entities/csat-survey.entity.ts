import type { CsatScale, CsatSurveyState } from '@switchboard/contracts';
import type { OutboundButton } from '@switchboard/channels-core';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { ContactEntity } from '../../contacts/entities/contact.entity';
import { ConversationEntity } from '../../conversations/entities/conversation.entity';
import { MessageEntity } from '../../messages/entities/message.entity';

/**
 * One survey per conversation (unique): scheduled when it is closed, sent once by the poller
 * (SKIP LOCKED), or skipped with the reason. The settings are copied when it is sent, so an
 * answer is judged by the scale the customer saw.
 */
@Entity('csat_surveys')
@Check('csat_surveys_state_check', `state IN ('scheduled', 'sent', 'skipped', 'answered')`)
@Check('csat_surveys_scale_check', `scale IN ('csat', 'nps')`)
@Index('csat_surveys_conversation_key', ['conversationId'], { unique: true })
@Index('csat_surveys_due_idx', ['dueAt'], { where: `state = 'scheduled'` })
@Index('csat_surveys_contact_sent_idx', ['contactId', 'sentAt'], { where: 'sent_at IS NOT NULL' })
@Index('csat_surveys_message_idx', ['messageId'], { where: 'message_id IS NOT NULL' })
export class CsatSurveyEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  conversation?: ConversationEntity;

  @Column('uuid')
  contactId!: string;

  @ManyToOne(() => ContactEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  contact?: ContactEntity;

  @Column('text', { default: 'scheduled' })
  state!: CsatSurveyState;

  @Column('text', { default: 'csat' })
  scale!: CsatScale;

  @Column('text', { default: '' })
  question!: string;

  @Column('boolean', { default: true })
  commentEnabled!: boolean;

  /** When the conversation was closed (a later close moves the send). */
  @Column('timestamptz')
  closedAt!: Date;

  @Column('timestamptz')
  dueAt!: Date;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  @Column('text', { nullable: true })
  skipReason!: string | null;

  /** The survey's message in the timeline (its delivery carries `buttons`). */
  @Column('uuid', { nullable: true })
  messageId!: string | null;

  @ManyToOne(() => MessageEntity, { onDelete: 'SET NULL' })
  @JoinColumn()
  message?: MessageEntity | null;

  @Column('jsonb', { nullable: true })
  buttons!: OutboundButton[][] | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

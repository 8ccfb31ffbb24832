import type { CsatScale } from '@switchboard/contracts';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { ConversationEntity } from '../../conversations/entities/conversation.entity';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';
import { CsatSurveyEntity } from './csat-survey.entity';

/** A customer's answer: one per survey (unique), so a link used twice stores nothing more. */
@Entity('csat_responses')
@Check('csat_responses_scale_check', `scale IN ('csat', 'nps')`)
@Check('csat_responses_rating_check', `rating BETWEEN 0 AND 10`)
@Index('csat_responses_survey_key', ['surveyId'], { unique: true })
@Index('csat_responses_account_answered_idx', ['accountId', 'answeredAt'])
@Index('csat_responses_conversation_idx', ['conversationId'])
export class CsatResponseEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  surveyId!: string;

  @ManyToOne(() => CsatSurveyEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  survey?: CsatSurveyEntity;

  @Column('uuid')
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  conversation?: ConversationEntity;

  @Column('uuid')
  inboxId!: string;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  @Column('text')
  scale!: CsatScale;

  @Column('integer')
  rating!: number;

  @Column('text', { nullable: true })
  comment!: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  answeredAt!: Date;
}

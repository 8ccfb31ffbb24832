import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';

/** One follow-up email per operator message: a redelivered delivery job never emails twice. */
@Entity('webchat_follow_ups')
@Check('webchat_follow_ups_state_check', `state IN ('sending', 'sent', 'failed', 'uncertain')`)
export class WebchatFollowUpEntity {
  @PrimaryColumn('text')
  messageKey!: string;

  @Column('uuid')
  inboxId!: string;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  @Column('text')
  sentTo!: string;

  /** Claimed (`sending`) before the email goes out, `sent` after; see FollowUpMailerService. */
  @Column('text', { default: 'sent' })
  state!: 'sending' | 'sent' | 'failed' | 'uncertain';

  @Column('text', { nullable: true })
  failureReason!: string | null;

  /** When it was claimed (first tried). */
  @CreateDateColumn({ type: 'timestamptz' })
  sentAt!: Date;
}

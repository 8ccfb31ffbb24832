import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';

/** Where to email a visitor who left the page, and the page they wrote from. */
@Entity('webchat_visitors')
// A typed address suggests a contact merge to operators (never a join): looked up by address.
@Index('webchat_visitors_email_idx', ['email'], { where: 'email IS NOT NULL' })
@Index('webchat_visitors_pending_email_idx', ['pendingEmail'], {
  where: 'pending_email IS NOT NULL',
})
export class WebchatVisitorEntity {
  @PrimaryColumn('uuid')
  inboxId!: string;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  /** The contact identity's external id on the inbox: `visitor:<id>` or `user:<id>`. */
  @PrimaryColumn('text')
  visitorKey!: string;

  /** The confirmed follow-up address: replies are mailed here, emailed answers from it shown. */
  @Column('text', { nullable: true })
  email!: string | null;

  @Column('timestamptz', { nullable: true })
  emailConfirmedAt!: Date | null;

  /** An address the visitor typed, waiting for its confirmation link to be opened. */
  @Column('text', { nullable: true })
  pendingEmail!: string | null;

  @Column('timestamptz', { nullable: true })
  confirmationSentAt!: Date | null;

  @Column('text', { nullable: true })
  pageUrl!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';

/**
 * An upload in progress, by the widget's client message id: while one request stores the file,
 * a retry with the same id stores nothing. Removed once the message exists (or the claim is old).
 */
@Entity('webchat_upload_claims')
export class WebchatUploadClaimEntity {
  @PrimaryColumn('uuid')
  inboxId!: string;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  @PrimaryColumn('text')
  visitorKey!: string;

  @PrimaryColumn('uuid')
  clientMessageId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  claimedAt!: Date;
}

import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';

/** One follow-up email per operator message: a redelivered delivery job never emails twice. */
@Entity('webchat_follow_ups')
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

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt!: Date;
}

import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';

/** A Message-ID already imported: neither a UIDVALIDITY resync nor a deleted conversation brings it back. */
@Entity('email_seen_messages')
export class EmailSeenMessageEntity {
  @PrimaryColumn('uuid')
  inboxId!: string;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  @PrimaryColumn('text')
  messageId!: string;

  /**
   * A hash of the mail's sender and body bytes (not its transport headers): the same mail
   * delivered twice has the same one, a different mail reusing the Message-ID another. Null for
   * mail seen before fingerprints were kept.
   */
  @Column('text', { nullable: true })
  fingerprint!: string | null;

  // No foreign key on purpose: the record must outlive a deleted conversation.
  @Column('uuid', { nullable: true })
  conversationId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  seenAt!: Date;
}

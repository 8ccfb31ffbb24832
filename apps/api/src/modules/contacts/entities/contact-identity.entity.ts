import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';
import { ContactEntity } from './contact.entity';

/** A contact's handle on one inbox: an email address, a visitor id, a chat id. */
@Entity('contact_identities')
@Unique('contact_identities_inbox_external_key', ['inboxId', 'externalId'])
@Index('contact_identities_contact_idx', ['contactId'])
export class ContactIdentityEntity extends AccountOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  contactId!: string;

  // Deferred, so a new identity and its new contact can be written in either order.
  @ManyToOne(() => ContactEntity, { onDelete: 'CASCADE', deferrable: 'INITIALLY DEFERRED' })
  @JoinColumn()
  contact?: ContactEntity;

  @Column('uuid')
  inboxId!: string;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  @Column('text')
  externalId!: string;

  @Column('text', { nullable: true })
  displayName!: string | null;

  /** Their public handle on the channel (a Telegram @username, stored without the @). */
  @Column('text', { nullable: true })
  username!: string | null;

  /** The language their app runs in, as the channel reports it. */
  @Column('text', { nullable: true })
  language!: string | null;

  /** Why they cannot be reached here now (blocked the bot); null while they can. */
  @Column('text', { nullable: true })
  unreachableReason!: string | null;

  @Column('timestamptz', { nullable: true })
  unreachableSince!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { default: () => 'now()' })
  lastSeenAt!: Date;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';
import { MessageEntity } from '../../messages/entities/message.entity';

/**
 * Another provider id that names a stored incoming message: the later parts of a Telegram album,
 * and the album's own key. The key makes a redelivered part a duplicate, and an edit of any part
 * finds the message it belongs to.
 */
@Entity('message_external_aliases')
@Index('message_external_aliases_message_idx', ['messageId'])
export class MessageExternalAliasEntity extends AccountOwnedEntity {
  @PrimaryColumn('uuid')
  inboxId!: string;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  @PrimaryColumn('text')
  externalId!: string;

  @Column('uuid')
  messageId!: string;

  @ManyToOne(() => MessageEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  message?: MessageEntity;
}

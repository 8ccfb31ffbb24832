import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { AccountOwnedEntity } from '../../accounts/entities/account-owned.entity';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';

/**
 * How far a polled channel has been read (Telegram's getUpdates offset). Advanced only after the
 * updates before it are stored, so a crash re-reads and the unique keys drop what was stored.
 */
@Entity('channel_poll_cursors')
export class ChannelPollCursorEntity extends AccountOwnedEntity {
  @PrimaryColumn('uuid')
  inboxId!: string;

  @OneToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  @Column('bigint')
  position!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

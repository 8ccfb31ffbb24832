import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';

/** One open widget socket, refreshed by a heartbeat; rows of a crashed instance age out. */
@Entity('webchat_presence')
@Index('webchat_presence_visitor_idx', ['inboxId', 'visitorKey', 'lastSeenAt'])
export class WebchatPresenceEntity {
  @PrimaryColumn('text')
  socketId!: string;

  @Column('uuid')
  inboxId!: string;

  @ManyToOne(() => InboxEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  inbox?: InboxEntity;

  @Column('text')
  visitorKey!: string;

  @Column('text')
  instanceId!: string;

  @Column('timestamptz', { default: () => 'now()' })
  lastSeenAt!: Date;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';

/** One open widget socket, refreshed by a heartbeat; rows of a crashed instance age out. */
@Entity('webchat_presence')
@Index('webchat_presence_visitor_idx', ['inboxId', 'visitorKey', 'lastSeenAt'])
@Index('webchat_presence_network_idx', ['network', 'lastSeenAt'])
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

  /** The caller's IP network (IPv4 address, IPv6 /64), for the per-network socket limit. */
  @Column('text', { nullable: true })
  network!: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  lastSeenAt!: Date;
}

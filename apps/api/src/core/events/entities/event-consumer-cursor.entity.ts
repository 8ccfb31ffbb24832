import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { AccountEntity } from '../../../modules/accounts/entities/account.entity';
import { EventConsumerEntity } from './event-consumer.entity';

/** How far one consumer got in one account's stream: the last cursor it handled. */
@Entity('event_consumer_cursors')
export class EventConsumerCursorEntity {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'event_consumer_cursors_pkey' })
  consumer!: string;

  @ManyToOne(() => EventConsumerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consumer' })
  consumerRef?: EventConsumerEntity;

  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'event_consumer_cursors_pkey' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn()
  account?: AccountEntity;

  @Column('bigint')
  cursor!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A durable consumer of the event log, by its stable name. It handles events committed from
 * `startedAt` on: an account it has no cursor for starts after the last event before that.
 */
@Entity('event_consumers')
export class EventConsumerEntity {
  @PrimaryColumn('text')
  name!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  startedAt!: Date;
}

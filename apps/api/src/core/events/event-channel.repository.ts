import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { EVENTS_CHANNEL, SIGNALS_CHANNEL } from './event-channel';

/**
 * PostgreSQL's NOTIFY channels between instances. Announcements go through the pool; listening
 * (and the ephemeral signals) use the stream's own dedicated `pg` connection, passed in.
 */
@Injectable()
export class EventChannelRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Announces event notices to every instance, all in one notifying commit. */
  async announce(notices: string[]): Promise<void> {
    // raw SQL: pg_notify over unnest, one statement for many notices (NOTIFY commits are serialised).
    await this.ds.query('SELECT pg_notify($1, n) FROM unnest($2::text[]) AS n', [
      EVENTS_CHANNEL,
      notices,
    ]);
  }

  /** Broadcasts an ephemeral signal (typing, presence) to every instance, this one included. */
  async signal(client: Client, payload: string): Promise<void> {
    // raw SQL: pg_notify on the stream's own connection; TypeORM has no NOTIFY.
    await client.query('SELECT pg_notify($1, $2)', [SIGNALS_CHANNEL, payload]);
  }

  /** Subscribes the stream's connection to the event and signal channels. */
  async listen(client: Client): Promise<void> {
    // raw SQL: LISTEN on a dedicated connection (a pooled one would lose its subscription).
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    // raw SQL: LISTEN, as above.
    await client.query(`LISTEN ${SIGNALS_CHANNEL}`);
  }
}

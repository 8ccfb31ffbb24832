import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource } from 'typeorm';
import { WebchatPresenceEntity } from '../entities/webchat-presence.entity';

/** One row per open widget socket, refreshed by its instance's heartbeat. */
@Injectable()
export class WebchatPresenceRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Records a socket, or refreshes it if it is already known. */
  async upsert(
    socketId: string,
    inboxId: string,
    visitorKey: string,
    instanceId: string,
    network: string | null,
  ) {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(WebchatPresenceEntity)
      // last_seen_at takes its default, now(), on insert and on conflict alike.
      .values({ socketId, inboxId, visitorKey, instanceId, network })
      .orUpdate(['last_seen_at'], ['socket_id'])
      .updateEntity(false)
      .execute();
  }

  async deleteSocket(socketId: string): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .delete()
      .from(WebchatPresenceEntity)
      .where('socket_id = :socketId', { socketId })
      .execute();
  }

  async deleteSockets(socketIds: string[]): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .delete()
      .from(WebchatPresenceEntity)
      .where('socket_id = ANY(:socketIds)', { socketIds })
      .execute();
  }

  /** Whether a socket of this visitor was refreshed within the last `withinSeconds`. */
  async isSeenWithin(inboxId: string, visitorKey: string, withinSeconds: number) {
    const row = await this.ds
      .getRepository(WebchatPresenceEntity)
      .createQueryBuilder('p')
      .select('1', 'found')
      .where('p.inboxId = :inboxId', { inboxId })
      .andWhere('p.visitorKey = :visitorKey', { visitorKey })
      .andWhere('p.lastSeenAt > now() - make_interval(secs => :withinSeconds)', { withinSeconds })
      .limit(1)
      .getRawOne<{ found: number }>();
    return row !== undefined;
  }

  /** Live sockets (refreshed within `withinSeconds`) of this visitor, and from this network. */
  async countLive(
    inboxId: string,
    visitorKey: string,
    network: string,
    withinSeconds: number,
  ): Promise<{ visitor: number; network: number }> {
    const row = await this.ds
      .getRepository(WebchatPresenceEntity)
      .createQueryBuilder('p')
      .select(
        'count(*) FILTER (WHERE p.inboxId = :inboxId AND p.visitorKey = :visitorKey)',
        'visitor',
      )
      .addSelect('count(*) FILTER (WHERE p.network = :network)', 'network')
      .where('p.lastSeenAt > now() - make_interval(secs => :withinSeconds)', { withinSeconds })
      .andWhere(
        new Brackets((qb) => {
          qb.where('p.inboxId = :inboxId AND p.visitorKey = :visitorKey', {
            inboxId,
            visitorKey,
          }).orWhere('p.network = :network', { network });
        }),
      )
      .getRawOne<{ visitor: string; network: string }>();
    return { visitor: Number(row?.visitor ?? 0), network: Number(row?.network ?? 0) };
  }

  async refreshSockets(socketIds: string[]): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .update(WebchatPresenceEntity)
      .set({ lastSeenAt: () => 'now()' })
      .where('socket_id = ANY(:socketIds)', { socketIds })
      .execute();
  }

  /** Rows no heartbeat refreshed for `olderThanSeconds` (their instance is gone). */
  async deleteNotSeenFor(olderThanSeconds: number): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .delete()
      .from(WebchatPresenceEntity)
      .where('last_seen_at < now() - make_interval(secs => :olderThanSeconds)', {
        olderThanSeconds,
      })
      .execute();
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { queryOne } from '../../../core/database/sql-rows';
import { AppException } from '../../../core/http/app.exception';

/**
 * New web chat conversations per IP per hour, counted in PostgreSQL so every API instance sees
 * the same count. A per-IP advisory lock makes check-and-record atomic across instances.
 */
@Injectable()
export class ConversationStartLimiterService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Records one new conversation for `ip`, or throws 429 without recording when over `perHour`. */
  async take(inboxId: string, ip: string, perHour: number): Promise<void> {
    const allowed = await this.ds.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`webchat-start:${ip}`]);
      const row = await queryOne<{ count: string }>(
        em,
        `SELECT count(*) AS count FROM webchat_conversation_starts
          WHERE ip = $1::inet AND created_at > now() - interval '1 hour'`,
        [ip],
      );
      if (Number(row?.count ?? 0) >= perHour) return false;
      await em.query(
        'INSERT INTO webchat_conversation_starts (inbox_id, ip) VALUES ($1, $2::inet)',
        [inboxId, ip],
      );
      return true;
    });
    // Rows only matter for an hour; an occasional sweep keeps the table small without a timer.
    if (Math.random() < 0.02) await this.prune().catch(() => undefined);
    if (!allowed) {
      throw new AppException(
        'RATE_LIMITED',
        `Too many new conversations from this network in the last hour (limit ${perHour}); please try again later`,
      );
    }
  }

  /** Old rows only matter for an hour; keep the table small. */
  async prune(): Promise<void> {
    await this.ds.query(
      `DELETE FROM webchat_conversation_starts WHERE created_at < now() - interval '2 hours'`,
    );
  }
}

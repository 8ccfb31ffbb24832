import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppException } from '../../../core/http/app.exception';
import { ConversationStartRepository } from '../repositories/conversation-start.repository';

/**
 * New web chat conversations per IP per hour, counted in PostgreSQL so every API instance sees
 * the same count. A per-IP advisory lock makes check-and-record atomic across instances.
 */
@Injectable()
export class ConversationStartLimiterService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly starts: ConversationStartRepository,
  ) {}

  /** Records one new conversation for `ip`, or throws 429 without recording when over `perHour`. */
  async take(inboxId: string, ip: string, perHour: number): Promise<void> {
    const allowed = await this.ds.transaction(async (em) => {
      await this.starts.lockIp(em, ip);
      if ((await this.starts.countLastHour(em, ip)) >= perHour) return false;
      await this.starts.record(em, inboxId, ip);
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
    await this.starts.deleteOlderThanTwoHours();
  }
}

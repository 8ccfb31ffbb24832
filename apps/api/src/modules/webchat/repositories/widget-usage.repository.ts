import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import {
  WebchatUsageCounterEntity,
  type WidgetUsageKind,
} from '../entities/webchat-usage-counter.entity';

/** One use to add to one counter, allowed only while the counter stays within its limits. */
export interface UsageTake {
  kind: WidgetUsageKind;
  subject: string;
  windowStart: Date;
  expiresAt: Date;
  bytes: number;
  maxCount: number;
  maxBytes: number;
}

export interface UsageLevel {
  kind: WidgetUsageKind;
  subject: string;
  count: number;
  bytes: number;
}

/** The widget's usage counters, one row per kind, subject and fixed window. */
@Injectable()
export class WidgetUsageRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Adds one use (and its bytes) to the counter if it stays within both limits; false, changing
   * nothing, when it would not. Atomic across instances: the upsert locks the counter's row.
   */
  async tryAdd(em: EntityManager, t: UsageTake): Promise<boolean> {
    // raw SQL: ON CONFLICT … DO UPDATE with arithmetic on the stored row and a WHERE guard, in one
    // statement (the builder's orUpdate only copies EXCLUDED values).
    const rows = await em.query<Array<{ count: number }>>(
      `INSERT INTO webchat_usage_counters AS c (kind, subject, window_start, count, bytes, expires_at)
       VALUES ($1, $2, $3, 1, $4, $5)
       ON CONFLICT (kind, subject, window_start) DO UPDATE
         SET count = c.count + 1, bytes = c.bytes + EXCLUDED.bytes
         WHERE c.count + 1 <= $6 AND c.bytes + EXCLUDED.bytes <= $7
       RETURNING c.count`,
      [t.kind, t.subject, t.windowStart, t.bytes, t.expiresAt, t.maxCount, t.maxBytes],
    );
    return rows.length > 0;
  }

  /** The current level of each counter asked for (absent counters are simply missing). */
  async levels(
    counters: Array<{ kind: WidgetUsageKind; subject: string; windowStart: Date }>,
  ): Promise<UsageLevel[]> {
    if (counters.length === 0) return [];
    const rows = await this.ds
      .getRepository(WebchatUsageCounterEntity)
      .createQueryBuilder('u')
      .select('u.kind', 'kind')
      .addSelect('u.subject', 'subject')
      .addSelect('u.count', 'count')
      .addSelect('u.bytes', 'bytes')
      .where(
        new Brackets((qb) => {
          counters.forEach((c, i) => {
            qb.orWhere(
              `(u.kind = :kind${i} AND u.subject = :subject${i} AND u.windowStart = :windowStart${i})`,
              {
                [`kind${i}`]: c.kind,
                [`subject${i}`]: c.subject,
                [`windowStart${i}`]: c.windowStart,
              },
            );
          });
        }),
      )
      .getRawMany<{ kind: WidgetUsageKind; subject: string; count: number; bytes: string }>();
    return rows.map((r) => ({ ...r, count: Number(r.count), bytes: Number(r.bytes) }));
  }

  /** Counters whose window has passed. */
  async deleteExpired(): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .delete()
      .from(WebchatUsageCounterEntity)
      .where('expires_at < now()')
      .execute();
  }
}

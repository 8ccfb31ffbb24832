import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TimeReportGroup } from '@switchboard/contracts';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { AccountEntity } from '../accounts/entities/account.entity';
import { ContactEntity } from '../contacts/entities/contact.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { InboxEntity } from '../inboxes/entities/inbox.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';
import { ConversationTagEntity } from '../tags/entities/conversation-tag.entity';
import { TagEntity } from '../tags/entities/tag.entity';
import { TimeEntryEntity } from './entities/time-entry.entity';

/** One row of the time report as PostgreSQL returns it (sums as text: bigint and numeric). */
export interface TimeReportRaw {
  key: string | null;
  label: string | null;
  seconds: string;
  conversations: string;
  costs: Array<{ currency: string; amount: number | string }>;
}

export interface TimeReportPeriod {
  accountId: string;
  groupBy: TimeReportGroup;
  /** Local days (YYYY-MM-DD) of `timezone`, both included. */
  from: string;
  to: string;
  timezone: string;
}

const KEY: Record<TimeReportGroup, string> = {
  operator: 'e.operator_id',
  inbox: 'c.inbox_id',
  tag: 'ct.tag_id',
  contact: 'c.contact_id',
};

const LABEL: Record<
  TimeReportGroup,
  {
    entity: typeof OperatorEntity | typeof InboxEntity | typeof TagEntity | typeof ContactEntity;
    label: string;
  }
> = {
  operator: { entity: OperatorEntity, label: 'l.name' },
  inbox: { entity: InboxEntity, label: 'l.name' },
  tag: { entity: TagEntity, label: 'l.name' },
  contact: { entity: ContactEntity, label: 'COALESCE(l.name, l.email, l.phone)' },
};

const CURSOR_BATCH = 500;

/**
 * The time report: the period's entries summed per operator, inbox, tag or contact, with their
 * cost per currency (seconds × the conversation's inbox's hourly rate). The period is the local
 * days of the account's timezone, found through `time_entries_account_started_idx`.
 */
@Injectable()
export class TimeReportRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The account's IANA timezone (its report days). */
  async timezone(accountId: string): Promise<string> {
    const account = await this.ds
      .getRepository(AccountEntity)
      .findOne({ where: { id: accountId }, select: { id: true, timezone: true } });
    return account?.timezone ?? 'UTC';
  }

  /** The rows with the most time first, at most `limit`. */
  rows(period: TimeReportPeriod, limit: number): Promise<TimeReportRaw[]> {
    return this.select(period).limit(limit).getRawMany<TimeReportRaw>();
  }

  /**
   * Every row, in batches, through a server-side cursor in a read-only snapshot, so a CSV of a
   * million contacts is never held in memory. Ending the iteration early closes the cursor.
   */
  async *stream(period: TimeReportPeriod): AsyncGenerator<TimeReportRaw[]> {
    const runner = this.ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      const [sql, params] = this.select(period).getQueryAndParameters();
      // raw SQL: DECLARE … CURSOR and FETCH stream the rows batch by batch; the builder has no
      // cursors and TypeORM's stream() needs a driver package we do not ship.
      await runner.query(`DECLARE time_report NO SCROLL CURSOR FOR ${sql}`, params);
      for (;;) {
        // raw SQL: the next batch of the cursor declared above.
        const batch = (await runner.query(
          `FETCH ${CURSOR_BATCH} FROM time_report`,
        )) as TimeReportRaw[];
        if (batch.length === 0) break;
        yield batch;
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }

  private select(period: TimeReportPeriod): SelectQueryBuilder<object> {
    const { entity, label } = LABEL[period.groupBy];
    return this.ds
      .createQueryBuilder()
      .from((sub) => this.perCurrency(sub, period), 'g')
      .leftJoin(entity, 'l', 'l.id = g.key')
      .select('g.key', 'key')
      .addSelect(label, 'label')
      .addSelect('SUM(g.seconds)::bigint', 'seconds')
      .addSelect('SUM(g.conversations)::bigint', 'conversations')
      .addSelect(
        `COALESCE(json_agg(json_build_object('currency', g.currency, 'amount', round(g.amount, 2))
           ORDER BY g.currency) FILTER (WHERE g.currency IS NOT NULL), '[]')`,
        'costs',
      )
      .groupBy('g.key')
      .addGroupBy(label)
      .orderBy('seconds', 'DESC')
      .addOrderBy('g.key', 'ASC', 'NULLS LAST');
  }

  /**
   * Per group and currency. A conversation has one inbox and so one currency, which is why the
   * distinct conversation counts of a group's currencies add up.
   */
  private perCurrency(
    sub: SelectQueryBuilder<object>,
    period: TimeReportPeriod,
  ): SelectQueryBuilder<object> {
    const key = KEY[period.groupBy];
    const q = sub
      .from(TimeEntryEntity, 'e')
      .innerJoin(ConversationEntity, 'c', 'c.id = e.conversation_id')
      .innerJoin(InboxEntity, 'i', 'i.id = c.inbox_id');
    if (period.groupBy === 'tag')
      q.leftJoin(ConversationTagEntity, 'ct', 'ct.conversation_id = e.conversation_id');
    return q
      .select(key, 'key')
      .addSelect('i.hourly_rate_currency', 'currency')
      .addSelect('SUM(e.seconds)', 'seconds')
      .addSelect('COUNT(DISTINCT e.conversation_id)', 'conversations')
      .addSelect('SUM(e.seconds * i.hourly_rate) / 3600', 'amount')
      .where('e.account_id = :accountId', { accountId: period.accountId })
      .andWhere('e.started_at >= CAST(CAST(:from AS date) AS timestamp) AT TIME ZONE :tz')
      .andWhere('e.started_at < CAST(CAST(:to AS date) + 1 AS timestamp) AT TIME ZONE :tz')
      .setParameters({ from: period.from, to: period.to, tz: period.timezone })
      .groupBy(key)
      .addGroupBy('i.hourly_rate_currency');
  }
}

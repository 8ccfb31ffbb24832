import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { queryOne } from '../../core/database/sql-rows';
import { EmailAutoReplyEntity } from './entities/email-auto-reply.entity';

/** Automatic acknowledgements (`email_auto_replies`): the reservation that enforces the caps. */
@Injectable()
export class EmailAutoRepliesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Reserves the conversation's one acknowledgement, unless the recipient already got
   * `hourlyCap` within the hour: one statement, so a replay or a second instance cannot send
   * again. The reservation's id, or null when capped or already reserved.
   */
  async reserve(
    inboxId: string,
    conversationId: string,
    recipient: string,
    hourlyCap: number,
  ): Promise<string | null> {
    // raw SQL: INSERT ... SELECT without FROM, guarded by the hourly count, ON CONFLICT DO NOTHING
    // RETURNING, in one atomic statement (the builder's SELECT cannot go without a FROM).
    const row: Pick<EmailAutoReplyEntity, 'id'> | null = await queryOne(
      this.ds.manager,
      `INSERT INTO email_auto_replies (inbox_id, conversation_id, recipient)
       SELECT $1, $2, $3
        WHERE (SELECT count(*) FROM email_auto_replies
                WHERE inbox_id = $1 AND recipient = $3 AND sent_at > now() - interval '1 hour') < $4
       ON CONFLICT (inbox_id, conversation_id) DO NOTHING
       RETURNING id`,
      [inboxId, conversationId, recipient, hourlyCap],
    );
    return row?.id ?? null;
  }
}

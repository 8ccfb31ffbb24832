import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ContactDto,
  ConversationCountsDto,
  ConversationDetailDto,
  ConversationSummaryDto,
  CountConversationsQuery,
  ListConversationsQuery,
  Page,
} from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { queryRows } from '../../core/database/sql-rows';
import { notFound } from '../../core/http/app.exception';
import { ContactsService } from '../contacts/contacts.service';
import { SUMMARY_SELECT, toSummaryDto, type SummaryRow } from './conversation-summary.query';
import { decodeKeyset, encodeKeyset, isUuid, microsUtc } from './keyset-cursor';

/** Read side of conversations: the feed (keyset pages, never OFFSET), counts and details. */
@Injectable()
export class ConversationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly contacts: ContactsService,
  ) {}

  async list(
    op: AuthenticatedOperator,
    q: ListConversationsQuery,
  ): Promise<Page<ConversationSummaryDto>> {
    const params: unknown[] = [op.accountId, q.status];
    const where = ['c.account_id = $1', 'c.status = $2', ...this.filters(op, q, params)];
    const after = decodeKeyset(q.cursor);
    if (after) {
      params.push(after.at, after.id);
      where.push(
        `(c.last_activity_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(q.limit + 1);
    const rows = await queryRows<SummaryRow & { activity_key: string }>(
      this.ds.manager,
      `${SUMMARY_SELECT.replace('SELECT', `SELECT ${microsUtc('c.last_activity_at')} AS activity_key,`)}
        WHERE ${where.join(' AND ')}
        ORDER BY c.last_activity_at DESC, c.id DESC
        LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toSummaryDto),
      nextCursor:
        rows.length > q.limit && last ? encodeKeyset({ at: last.activity_key, id: last.id }) : null,
    };
  }

  async counts(
    op: AuthenticatedOperator,
    q: CountConversationsQuery,
  ): Promise<ConversationCountsDto> {
    const params: unknown[] = [op.accountId];
    const where = ['c.account_id = $1', ...this.filters(op, q, params)];
    const join =
      q.channel || q.q
        ? 'JOIN inboxes i ON i.id = c.inbox_id JOIN contacts ct ON ct.id = c.contact_id'
        : '';
    const rows = await queryRows<{ status: keyof ConversationCountsDto; n: string }>(
      this.ds.manager,
      `SELECT c.status, count(*) AS n FROM conversations c ${join} WHERE ${where.join(' AND ')} GROUP BY c.status`,
      params,
    );
    const counts: ConversationCountsDto = { open: 0, snoozed: 0, closed: 0 };
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  }

  async detail(op: AuthenticatedOperator, id: string): Promise<ConversationDetailDto> {
    const summary = await this.findSummary(op, id);
    const contactCard: ContactDto = await this.contacts.card(op.accountId, summary.contact.id);
    return { ...summary, contactCard };
  }

  async findSummary(op: AuthenticatedOperator, id: string): Promise<ConversationSummaryDto> {
    if (!isUuid(id)) throw notFound('Conversation');
    const rows = await queryRows<SummaryRow>(
      this.ds.manager,
      `${SUMMARY_SELECT} WHERE c.id = $1 AND c.account_id = $2`,
      [id, op.accountId],
    );
    if (!rows[0]) throw notFound('Conversation');
    return toSummaryDto(rows[0]);
  }

  private filters(
    op: AuthenticatedOperator,
    q: CountConversationsQuery,
    params: unknown[],
  ): string[] {
    const where: string[] = [];
    if (q.assignee === 'mine') {
      params.push(op.id);
      where.push(`c.assignee_id = $${params.length}`);
    } else if (q.assignee === 'unassigned') {
      where.push('c.assignee_id IS NULL');
    }
    if (q.inboxId) {
      params.push(q.inboxId);
      where.push(`c.inbox_id = $${params.length}`);
    }
    if (q.channel) {
      params.push(q.channel);
      where.push(`i.kind = $${params.length}`);
    }
    if (q.q) {
      const num = /^#?(\d{1,9})$/.exec(q.q);
      params.push(`%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
      const p = `$${params.length}`;
      const byNumber = num ? ` OR c.number = ${Number(num[1])}` : '';
      where.push(
        `(ct.name ILIKE ${p} OR ct.email ILIKE ${p} OR c.subject ILIKE ${p} OR c.last_message_preview ILIKE ${p}${byNumber})`,
      );
    }
    return where;
  }
}

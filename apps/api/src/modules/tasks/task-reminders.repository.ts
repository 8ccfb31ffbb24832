import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { queryRows } from '../../core/database/sql-rows';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';
import { TaskConversationEntity } from './entities/task-conversation.entity';
import type { LinkedConversationRef } from './task-timeline.service';

/** A task whose reminder was just claimed. */
export interface DueTask {
  id: string;
  accountId: string;
  title: string;
  assigneeId: string;
}

/** The due reminder's claim, and what a batch of reminders reads. */
@Injectable()
export class TaskRemindersRepository {
  /**
   * Claims up to `limit` open, unreminded tasks that fell due (oldest first) and marks them
   * reminded, in the caller's transaction. SKIP LOCKED leaves rows another instance holds to it,
   * and a marked row no longer matches, so every reminder fires once however many instances run.
   */
  claimDue(em: EntityManager, limit: number): Promise<DueTask[]> {
    // raw SQL: the claim (FOR UPDATE SKIP LOCKED in a CTE) and the mark in one statement, for a
    // whole batch (the query builder cannot put a locking CTE under an UPDATE).
    return queryRows<DueTask>(
      em,
      `WITH due AS (
         SELECT id FROM tasks
          WHERE reminded_at IS NULL AND done_at IS NULL AND due_at <= now()
          ORDER BY due_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED
       )
       UPDATE tasks t SET reminded_at = now(), updated_at = now()
         FROM due
        WHERE t.id = due.id
       RETURNING t.id, t.account_id AS "accountId", t.title, t.assignee_id AS "assigneeId"`,
      [limit],
    );
  }

  /** Each task's linked conversations, the first linked first (its main conversation). */
  async linkedConversations(
    em: EntityManager,
    taskIds: string[],
  ): Promise<Map<string, LinkedConversationRef[]>> {
    const rows = await em
      .createQueryBuilder(TaskConversationEntity, 'tc')
      .innerJoin(ConversationEntity, 'c', 'c.id = tc.conversation_id')
      .select([
        'tc.task_id AS "taskId"',
        'c.id AS "id"',
        'c.account_id AS "accountId"',
        'c.inbox_id AS "inboxId"',
      ])
      .where('tc.task_id = ANY(:taskIds)', { taskIds })
      .orderBy('tc.task_id')
      .addOrderBy('tc.created_at')
      .addOrderBy('tc.conversation_id')
      .getRawMany<LinkedConversationRef & { taskId: string }>();
    const byTask = new Map<string, LinkedConversationRef[]>();
    for (const { taskId, ...conv } of rows) {
      const list = byTask.get(taskId);
      if (list) list.push(conv);
      else byTask.set(taskId, [conv]);
    }
    return byTask;
  }

  /** These operators' names and whether they were deactivated, by id. */
  async operators(
    em: EntityManager,
    ids: string[],
  ): Promise<Map<string, Pick<OperatorEntity, 'id' | 'accountId' | 'name' | 'deactivatedAt'>>> {
    const rows = await em.getRepository(OperatorEntity).find({
      select: { id: true, accountId: true, name: true, deactivatedAt: true },
      where: { id: In([...new Set(ids)]) },
    });
    return new Map(rows.map((r) => [r.id, r]));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConversationStatus, TaskView } from '@switchboard/contracts';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { ConversationViewer } from '../access/conversation-viewer';
import { inboxAccessClause, inboxAccessFilter } from '../access/inbox-access.repository';
import { ContactEntity } from '../contacts/entities/contact.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { microsUtc, type Keyset } from '../conversations/keyset-cursor';
import { MessageEntity } from '../messages/entities/message.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';
import { TaskConversationEntity } from './entities/task-conversation.entity';
import { TaskEntity } from './entities/task.entity';

/** A task as the DTO needs it: the row with the names it refers to. */
export interface TaskRow {
  id: string;
  title: string;
  description: string;
  assignee_id: string;
  assignee_name: string;
  created_by_id: string;
  created_by_name: string;
  contact_id: string | null;
  contact_name: string | null;
  source_message_id: string | null;
  due_at: Date;
  done_at: Date | null;
  created_at: Date;
  updated_at: Date;
  /** due_at (open views) or done_at (done view) with microseconds, for the keyset cursor. */
  sort_key: string;
}

/** One linked conversation of a task, and whether the reader may see it. */
export interface TaskLinkRow {
  task_id: string;
  id: string;
  number: number;
  subject: string | null;
  status: ConversationStatus;
  contact_name: string | null;
  inbox_id: string;
  visible: boolean;
}

export interface NewTask {
  accountId: string;
  title: string;
  description: string;
  assigneeId: string;
  createdById: string;
  contactId: string | null;
  sourceMessageId: string | null;
  dueAt: Date;
}

export type TaskChange = Partial<
  Pick<TaskEntity, 'title' | 'description' | 'assigneeId' | 'dueAt' | 'remindedAt'>
>;

/**
 * Who may see a task (`t`): an admin every task of the account; anyone else the tasks assigned to
 * them and those linked to a conversation in an inbox they may work (`:viewerId`).
 */
function taskVisibleClause(): string {
  return `(t.assignee_id = :viewerId OR EXISTS (
    SELECT 1 FROM task_conversations vis_tc JOIN conversations vis_c ON vis_c.id = vis_tc.conversation_id
     WHERE vis_tc.task_id = t.id AND ${inboxAccessClause('vis_c.inbox_id')}))`;
}

/** Tasks and their links to conversations (the reminder's claim: task-reminders.repository.ts). */
@Injectable()
export class TasksRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async insert(em: EntityManager, task: NewTask): Promise<string> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(TaskEntity)
      .values(task)
      .returning('id')
      .updateEntity(false)
      .execute();
    return (result.raw as { id: string }[])[0]!.id;
  }

  /**
   * Links the task to the conversations, in the order given (clock time orders them, so the first
   * stays the task's main conversation); returns the ones that were not linked yet.
   */
  async link(
    em: EntityManager,
    accountId: string,
    taskId: string,
    conversationIds: string[],
  ): Promise<string[]> {
    const added: string[] = [];
    for (const conversationId of conversationIds) {
      const result = await em
        .createQueryBuilder()
        .insert()
        .into(TaskConversationEntity)
        .values({ accountId, taskId, conversationId, createdAt: () => 'clock_timestamp()' })
        .orIgnore()
        .returning('conversation_id')
        .updateEntity(false)
        .execute();
      if ((result.raw as unknown[]).length > 0) added.push(conversationId);
    }
    return added;
  }

  async unlink(em: EntityManager, taskId: string, conversationId: string): Promise<boolean> {
    const result = await em
      .getRepository(TaskConversationEntity)
      .delete({ taskId, conversationId });
    return (result.affected ?? 0) > 0;
  }

  /** The task's linked conversations (id, account, inbox), oldest link first. */
  async linkedConversations(
    em: EntityManager,
    taskId: string,
  ): Promise<{ id: string; accountId: string; inboxId: string }[]> {
    return em
      .createQueryBuilder(TaskConversationEntity, 'tc')
      .innerJoin(ConversationEntity, 'c', 'c.id = tc.conversation_id')
      .select(['c.id AS "id"', 'c.account_id AS "accountId"', 'c.inbox_id AS "inboxId"'])
      .where('tc.task_id = :taskId', { taskId })
      .orderBy('tc.created_at')
      .addOrderBy('tc.conversation_id')
      .getRawMany();
  }

  /** A task the viewer may see; null when they may not (or it is another account's). */
  findVisible(em: EntityManager, viewer: ConversationViewer, id: string) {
    return this.visibleQuery(em, viewer, id).getOne();
  }

  /** Like findVisible, and locks the task for the rest of the transaction. */
  lockVisible(em: EntityManager, viewer: ConversationViewer, id: string) {
    return this.visibleQuery(em, viewer, id).setLock('pessimistic_write').getOne();
  }

  private visibleQuery(em: EntityManager, viewer: ConversationViewer, id: string) {
    const q = em
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .where('t.id = :id AND t.account_id = :accountId', { id, accountId: viewer.accountId });
    if (viewer.role !== 'admin') q.andWhere(taskVisibleClause(), { viewerId: viewer.id });
    return q;
  }

  async update(em: EntityManager, id: string, change: TaskChange): Promise<void> {
    await em.getRepository(TaskEntity).update({ id }, change);
  }

  async setDone(em: EntityManager, id: string, done: boolean): Promise<void> {
    await em
      .createQueryBuilder()
      .update(TaskEntity)
      .set({ doneAt: done ? () => 'now()' : null })
      .where('id = :id', { id })
      .execute();
  }

  /** The rows behind these tasks' DTOs (any order; the caller orders). */
  loadRows(em: EntityManager, ids: string[]): Promise<TaskRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.rowQuery(em, 't.due_at').where('t.id = ANY(:ids)', { ids }).getRawMany<TaskRow>();
  }

  /** The linked conversations of these tasks, each marked visible to the viewer or not. */
  linksOf(
    em: EntityManager,
    viewer: ConversationViewer,
    taskIds: string[],
  ): Promise<TaskLinkRow[]> {
    if (taskIds.length === 0) return Promise.resolve([]);
    const access = inboxAccessFilter(viewer, 'c.inbox_id');
    return em
      .createQueryBuilder(TaskConversationEntity, 'tc')
      .innerJoin(ConversationEntity, 'c', 'c.id = tc.conversation_id')
      .innerJoin(ContactEntity, 'ct', 'ct.id = c.contact_id')
      .select([
        'tc.task_id AS task_id',
        'c.id AS id',
        'c.number AS number',
        'c.subject AS subject',
        'c.status AS status',
        'ct.name AS contact_name',
        'c.inbox_id AS inbox_id',
      ])
      .addSelect(access.clause ?? 'true', 'visible')
      .where('tc.task_id = ANY(:taskIds)', { taskIds, ...access.params })
      .orderBy('tc.created_at')
      .addOrderBy('tc.conversation_id')
      .getRawMany<TaskLinkRow>();
  }

  /**
   * One keyset page of a Tasks tab: open ones by due time (mine, all, overdue), done ones newest
   * first; one row more than asked says "more".
   */
  listPage(
    viewer: ConversationViewer,
    view: TaskView,
    after: Keyset | null,
    limit: number,
  ): Promise<TaskRow[]> {
    const done = view === 'done';
    const column = done ? 't.done_at' : 't.due_at';
    const q = this.rowQuery(this.ds.manager, column).where('t.account_id = :accountId', {
      accountId: viewer.accountId,
    });
    q.andWhere(done ? 't.done_at IS NOT NULL' : 't.done_at IS NULL');
    if (view === 'mine') q.andWhere('t.assignee_id = :me', { me: viewer.id });
    else if (viewer.role !== 'admin') q.andWhere(taskVisibleClause(), { viewerId: viewer.id });
    if (view === 'overdue') q.andWhere('t.due_at <= now()');
    if (after)
      q.andWhere(`(${column}, t.id) ${done ? '<' : '>'} (:at::timestamptz, :afterId::uuid)`, {
        at: after.at,
        afterId: after.id,
      });
    const direction = done ? 'DESC' : 'ASC';
    return q
      .orderBy(column, direction)
      .addOrderBy('t.id', direction)
      .limit(limit + 1)
      .getRawMany<TaskRow>();
  }

  /** Ids of the tasks linked to a conversation: open ones by due time, then done ones. */
  async idsOfConversation(conversationId: string, limit: number): Promise<string[]> {
    const rows = await this.ds.manager
      .createQueryBuilder(TaskConversationEntity, 'tc')
      .innerJoin(TaskEntity, 't', 't.id = tc.task_id')
      .select('t.id', 'id')
      .where('tc.conversation_id = :conversationId', { conversationId })
      .orderBy('t.done_at IS NOT NULL')
      .addOrderBy('t.due_at')
      .addOrderBy('t.id')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** A message of the account: what a task made from it links to. */
  findMessage(em: EntityManager, accountId: string, id: string) {
    return em.getRepository(MessageEntity).findOne({
      select: { id: true, conversationId: true },
      where: { id, accountId },
    });
  }

  /** An operator of the account, with whether they are still active. */
  findOperator(em: EntityManager, accountId: string, id: string) {
    return em.getRepository(OperatorEntity).findOne({
      select: { id: true, name: true, deactivatedAt: true },
      where: { id, accountId },
    });
  }

  private rowQuery(em: EntityManager, sortColumn: string): SelectQueryBuilder<TaskEntity> {
    return em
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .innerJoin(OperatorEntity, 'a', 'a.id = t.assignee_id')
      .innerJoin(OperatorEntity, 'cb', 'cb.id = t.created_by_id')
      .leftJoin(ContactEntity, 'ct', 'ct.id = t.contact_id')
      .select([
        't.id AS id',
        't.title AS title',
        't.description AS description',
        't.assignee_id AS assignee_id',
        'a.name AS assignee_name',
        't.created_by_id AS created_by_id',
        'cb.name AS created_by_name',
        't.contact_id AS contact_id',
        'ct.name AS contact_name',
        't.source_message_id AS source_message_id',
        't.due_at AS due_at',
        't.done_at AS done_at',
        't.created_at AS created_at',
        't.updated_at AS updated_at',
      ])
      .addSelect(microsUtc(sortColumn), 'sort_key');
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateTaskRequest, TaskDto, UpdateTaskRequest } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { EventLogService } from '../../core/events/event-log.service';
import type { PendingEvent } from '../../core/events/pending-event';
import { AppException, notFound } from '../../core/http/app.exception';
import { InboxAccessRepository } from '../access/inbox-access.repository';
import { ConversationsRepository } from '../conversations/conversations.repository';
import type { ConversationEntity } from '../conversations/entities/conversation.entity';
import { isUuid } from '../conversations/keyset-cursor';
import { NotificationsService } from '../notifications/notifications.service';
import type { TaskEntity } from './entities/task.entity';
import { TaskQueriesService } from './task-queries.service';
import { TaskTimelineService, type LinkedConversationRef } from './task-timeline.service';
import { TasksRepository, type TaskChange } from './tasks.repository';

type Conversation = Pick<ConversationEntity, 'id' | 'accountId' | 'inboxId' | 'number'>;

/**
 * Creating and changing tasks. Every change is one transaction with its timeline activities,
 * notifications and stream events. Locks: the task first, then conversations in id order, the
 * same order as the reminder, so two changes never wait on each other in a circle.
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tasks: TasksRepository,
    private readonly queries: TaskQueriesService,
    private readonly timeline: TaskTimelineService,
    private readonly conversations: ConversationsRepository,
    private readonly access: InboxAccessRepository,
    private readonly notifications: NotificationsService,
    private readonly events: EventLogService,
  ) {}

  /**
   * A task from a message (links its conversation and customer) and/or on conversations. The
   * assignee hears about it, unless they gave it to themselves.
   */
  create(op: AuthenticatedOperator, req: CreateTaskRequest): Promise<TaskDto> {
    const dueAt = requireFuture(req.dueAt);
    return this.ds.transaction(async (em) => {
      const source = req.fromMessageId
        ? await this.tasks.findMessage(em, op.accountId, req.fromMessageId)
        : null;
      if (req.fromMessageId && !source) throw notFound('Message');
      const order = [
        ...new Set([...(source ? [source.conversationId] : []), ...(req.conversationIds ?? [])]),
      ];
      const linked = await this.lockConversations(em, op, order, source?.conversationId);
      const [main] = linked;
      if (!main) throw new AppException('VALIDATION_FAILED', 'A task needs a conversation');
      const assignee = await this.requireAssignee(em, op.accountId, req.assigneeId, linked);
      const taskId = await this.tasks.insert(em, {
        accountId: op.accountId,
        title: req.title,
        description: req.description ?? '',
        assigneeId: assignee.id,
        createdById: op.id,
        contactId: main.contactId,
        sourceMessageId: source?.id ?? null,
        dueAt,
      });
      await this.tasks.link(em, op.accountId, taskId, order);
      const pending = await this.timeline.record(em, linked, {
        type: 'task_created',
        by: { id: op.id, name: op.name },
        task: { id: taskId, title: req.title },
        assignee: { id: assignee.id, name: assignee.name },
        dueAt: dueAt.toISOString(),
      });
      pending.push(...this.timeline.changed(taskId, order));
      if (assignee.id !== op.id)
        pending.push(...(await this.notifyAssignee(em, op.accountId, assignee.id, main.id)));
      await this.events.append(em, op.accountId, pending);
      return this.queries.load(em, op, taskId);
    });
  }

  /**
   * Edits title, description, assignee or due time. A new due time re-arms the reminder; a new
   * assignee (someone other than the editor) is notified.
   */
  update(op: AuthenticatedOperator, id: string, req: UpdateTaskRequest): Promise<TaskDto> {
    const dueAt = req.dueAt === undefined ? undefined : requireFuture(req.dueAt);
    return this.changeTask(op, id, async (em, task, linked) => {
      const change: TaskChange = { title: req.title, description: req.description };
      if (dueAt) Object.assign(change, { dueAt, remindedAt: null });
      const newAssigneeId =
        req.assigneeId !== undefined && req.assigneeId !== task.assigneeId ? req.assigneeId : null;
      if (newAssigneeId) {
        const conversations = await this.conversationsOf(em, linked);
        await this.requireAssignee(em, op.accountId, newAssigneeId, conversations);
        change.assigneeId = newAssigneeId;
      }
      await this.tasks.update(em, task.id, dropUndefined(change));
      const pending = this.timeline.changed(
        task.id,
        linked.map((c) => c.id),
      );
      const [main] = linked;
      if (newAssigneeId && newAssigneeId !== op.id && main)
        pending.push(...(await this.notifyAssignee(em, op.accountId, newAssigneeId, main.id)));
      return pending;
    });
  }

  /** Marks the task done (again: nothing changes), with an activity in its conversations. */
  complete(op: AuthenticatedOperator, id: string): Promise<TaskDto> {
    return this.setDone(op, id, true);
  }

  reopen(op: AuthenticatedOperator, id: string): Promise<TaskDto> {
    return this.setDone(op, id, false);
  }

  /** Links another conversation the operator may see; the assignee must be able to work it. */
  link(op: AuthenticatedOperator, id: string, conversationId: string): Promise<TaskDto> {
    return this.changeTask(op, id, async (em, task, linked) => {
      const conv = await this.conversations.lockOwned(em, op, conversationId);
      if (!conv) throw notFound('Conversation');
      await this.requireAssignee(em, op.accountId, task.assigneeId, [conv]);
      const added = await this.tasks.link(em, op.accountId, task.id, [conv.id]);
      if (added.length === 0) return [];
      const pending = await this.timeline.record(em, [conv], {
        type: 'task_linked',
        by: { id: op.id, name: op.name },
        task: { id: task.id, title: task.title },
      });
      return [...pending, ...this.timeline.changed(task.id, [...linked.map((c) => c.id), conv.id])];
    });
  }

  /** Unlinks a conversation; a task keeps at least one (409 otherwise). */
  unlink(op: AuthenticatedOperator, id: string, conversationId: string): Promise<TaskDto> {
    return this.changeTask(op, id, async (em, task, linked) => {
      const conv = await this.conversations.lockOwned(em, op, conversationId);
      if (!conv || !linked.some((c) => c.id === conv.id))
        throw notFound('Conversation link of this task');
      if (linked.length === 1)
        throw new AppException(
          'INVALID_STATE',
          'A task keeps at least one conversation: link another one first',
        );
      await this.tasks.unlink(em, task.id, conv.id);
      const pending = await this.timeline.record(em, [conv], {
        type: 'task_unlinked',
        by: { id: op.id, name: op.name },
        task: { id: task.id, title: task.title },
      });
      return [
        ...pending,
        ...this.timeline.changed(
          task.id,
          linked.map((c) => c.id),
        ),
      ];
    });
  }

  private setDone(op: AuthenticatedOperator, id: string, done: boolean): Promise<TaskDto> {
    return this.changeTask(op, id, async (em, task, linked) => {
      if ((task.doneAt !== null) === done) return [];
      await this.tasks.setDone(em, task.id, done);
      const pending = await this.timeline.record(em, linked, {
        type: done ? 'task_done' : 'task_reopened',
        by: { id: op.id, name: op.name },
        task: { id: task.id, title: task.title },
      });
      return [
        ...pending,
        ...this.timeline.changed(
          task.id,
          linked.map((c) => c.id),
        ),
      ];
    });
  }

  /** Locks a task the operator may see (404 otherwise), applies the change, appends its events. */
  private changeTask(
    op: AuthenticatedOperator,
    id: string,
    change: (
      em: EntityManager,
      task: TaskEntity,
      linked: LinkedConversationRef[],
    ) => Promise<PendingEvent[]>,
  ): Promise<TaskDto> {
    return this.ds.transaction(async (em) => {
      const task = isUuid(id) ? await this.tasks.lockVisible(em, op, id) : null;
      if (!task) throw notFound('Task');
      const linked = await this.tasks.linkedConversations(em, task.id);
      await this.events.append(em, op.accountId, await change(em, task, linked));
      return this.queries.load(em, op, task.id);
    });
  }

  /**
   * Locks the conversations in id order (deadlock-free) and returns them in the order given; one
   * the operator may not see is a 404, named as the message when it is the message's conversation.
   */
  private async lockConversations(
    em: EntityManager,
    op: AuthenticatedOperator,
    ids: string[],
    messageConversationId: string | undefined,
  ): Promise<ConversationEntity[]> {
    const locked = new Map<string, ConversationEntity>();
    for (const id of [...ids].sort()) {
      const conv = await this.conversations.lockOwned(em, op, id);
      if (!conv) throw notFound(id === messageConversationId ? 'Message' : 'Conversation');
      locked.set(id, conv);
    }
    return ids.flatMap((id) => locked.get(id) ?? []);
  }

  private async conversationsOf(em: EntityManager, linked: LinkedConversationRef[]) {
    const found: Conversation[] = [];
    for (const ref of linked) {
      const conv = await this.conversations.lockForAccount(em, ref.accountId, ref.id);
      if (conv) found.push(conv);
    }
    return found;
  }

  /**
   * The assignee must be an active operator of the account who may work every linked
   * conversation's inbox (they must be able to see what they are asked to do): 422 naming why.
   */
  private async requireAssignee(
    em: EntityManager,
    accountId: string,
    assigneeId: string,
    conversations: Conversation[],
  ): Promise<{ id: string; name: string }> {
    const assignee = await this.tasks.findOperator(em, accountId, assigneeId);
    if (!assignee)
      throw new AppException(
        'TASK_ASSIGNEE_UNAVAILABLE',
        'assigneeId: not an operator of this account',
      );
    if (assignee.deactivatedAt)
      throw new AppException(
        'TASK_ASSIGNEE_UNAVAILABLE',
        `assigneeId: ${assignee.name} is deactivated`,
      );
    for (const conv of conversations) {
      if (!(await this.access.operatorMayWork(em, assignee.id, conv.inboxId)))
        throw new AppException(
          'TASK_ASSIGNEE_UNAVAILABLE',
          `assigneeId: ${assignee.name} may not work the inbox of conversation #${conv.number}`,
        );
    }
    return { id: assignee.id, name: assignee.name };
  }

  private async notifyAssignee(
    em: EntityManager,
    accountId: string,
    assigneeId: string,
    conversationId: string,
  ): Promise<PendingEvent[]> {
    const summary = await this.conversations.loadSummary(em, conversationId);
    return this.notifications.create(em, accountId, [assigneeId], 'task_assigned', summary);
  }
}

/** A due time must lie ahead: 422 otherwise, before anything is read or written. */
function requireFuture(iso: string): Date {
  const due = new Date(iso);
  if (due.getTime() <= Date.now())
    throw new AppException('TASK_DUE_IN_PAST', 'dueAt: the due time must be in the future');
  return due;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Activity, ConversationSummaryDto } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { DueWorkPoller } from '../../core/scheduling/due-work-poller';
import { EventLogService } from '../../core/events/event-log.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { PendingEvent } from '../../core/events/pending-event';
import { TaskRemindersRepository, type DueTask } from './task-reminders.repository';
import { TaskTimelineService } from './task-timeline.service';

/** Reminders fired per transaction: a storm of due tasks is a few hundred commits. */
const REMIND_BATCH = 500;
/** Batches in flight at once: one commits while the next is written. */
const REMIND_WORKERS = 2;

/**
 * Tells the assignee when a task falls due, exactly once: the snooze sweeper's design. Polls the
 * partial index of open, unreminded tasks every SNOOZE_POLL_MS; each transaction claims a batch of
 * due rows with SKIP LOCKED, marks them reminded and writes the activities, the notifications and
 * the events with one statement each for the whole batch, so any number of instances fire each
 * once. A task that fell due while every instance was down is simply due at the next start.
 */
@Injectable()
export class TaskReminderService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TaskReminderService.name);
  private readonly poller: DueWorkPoller;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reminders: TaskRemindersRepository,
    private readonly timeline: TaskTimelineService,
    private readonly notifications: NotificationsService,
    private readonly events: EventLogService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.poller = new DueWorkPoller(
      'Task reminder sweep',
      config.SNOOZE_POLL_MS,
      () => this.remindBatch(),
      this.logger,
      REMIND_WORKERS,
    );
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  /** Fires every due reminder; returns how many fired. */
  sweep(): Promise<number> {
    return this.poller.drain();
  }

  /** Fires one batch of due reminders in one transaction; returns how many fired. */
  private remindBatch(): Promise<number> {
    return this.ds.transaction(async (em) => {
      const tasks = await this.reminders.claimDue(em, REMIND_BATCH);
      if (tasks.length === 0) return 0;
      const linked = await this.reminders.linkedConversations(
        em,
        tasks.map((t) => t.id),
      );
      const operators = await this.reminders.operators(
        em,
        tasks.map((t) => t.assigneeId),
      );
      const assigneeOf = (task: DueTask) => {
        const op = operators.get(task.assigneeId);
        return op?.accountId === task.accountId ? op : undefined;
      };
      const entries = tasks.flatMap((task) => {
        const activity: Activity = {
          type: 'task_due',
          task: { id: task.id, title: task.title },
          assignee: { id: task.assigneeId, name: assigneeOf(task)?.name ?? '' },
        };
        return (linked.get(task.id) ?? []).map((conv) => ({ conv, activity }));
      });
      const created = await this.timeline.recordMany(em, entries);
      // Each task's events in order: its activities, task.changed, then (after the batch's
      // other events of the account) the assignee's notice, all notices in one statement.
      const byAccount = new Map<
        string,
        {
          pending: PendingEvent[];
          notices: { operatorId: string; conversation: ConversationSummaryDto }[];
        }
      >();
      let next = 0;
      for (const task of tasks) {
        const convs = linked.get(task.id) ?? [];
        const mine = created.slice(next, next + convs.length);
        next += convs.length;
        let account = byAccount.get(task.accountId);
        if (!account) byAccount.set(task.accountId, (account = { pending: [], notices: [] }));
        account.pending.push(
          ...mine,
          ...this.timeline.changed(
            task.id,
            convs.map((c) => c.id),
          ),
        );
        const main = mine[0];
        const assignee = assigneeOf(task);
        if (main?.type === 'message.created' && assignee && !assignee.deactivatedAt)
          account.notices.push({
            operatorId: assignee.id,
            conversation: main.payload.conversation,
          });
      }
      for (const [accountId, { pending, notices }] of byAccount)
        pending.push(...(await this.notifications.createMany(em, accountId, 'task_due', notices)));
      // Numbered as the last writes, accounts in id order (EventLogService.appendNumbered).
      const accounts = [...byAccount.keys()].sort();
      for (const accountId of accounts)
        await this.events.appendNumbered(em, accountId, byAccount.get(accountId)!.pending);
      return tasks.length;
    });
  }

  onApplicationShutdown(): Promise<void> {
    return this.poller.stop();
  }
}

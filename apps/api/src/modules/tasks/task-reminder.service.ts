import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { DueWorkPoller } from '../../core/scheduling/due-work-poller';
import { EventLogService } from '../../core/events/event-log.service';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { TaskTimelineService } from './task-timeline.service';
import { TasksRepository } from './tasks.repository';

/**
 * Tells the assignee when a task falls due, exactly once: the snooze sweeper's design. Polls the
 * partial index of open, unreminded tasks every SNOOZE_POLL_MS; each reminder is its own
 * transaction that claims the row with SKIP LOCKED, marks it reminded and writes the activity,
 * the notification and the events, so any number of instances fire it once. A task that fell due
 * while every instance was down is simply due at the next start.
 */
@Injectable()
export class TaskReminderService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TaskReminderService.name);
  private readonly poller: DueWorkPoller;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tasks: TasksRepository,
    private readonly timeline: TaskTimelineService,
    private readonly conversations: ConversationsRepository,
    private readonly notifications: NotificationsService,
    private readonly events: EventLogService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.poller = new DueWorkPoller(
      'Task reminder sweep',
      config.SNOOZE_POLL_MS,
      () => this.remindOne(),
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  /** Fires every due reminder; returns how many fired. */
  sweep(): Promise<number> {
    return this.poller.drain();
  }

  private remindOne(): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      const task = await this.tasks.claimDueReminder(em);
      if (!task) return false;
      await this.tasks.update(em, task.id, { remindedAt: new Date() });
      const linked = await this.tasks.linkedConversations(em, task.id);
      const assignee = await this.tasks.findOperator(em, task.accountId, task.assigneeId);
      const pending = await this.timeline.record(em, linked, {
        type: 'task_due',
        task: { id: task.id, title: task.title },
        assignee: { id: task.assigneeId, name: assignee?.name ?? '' },
      });
      pending.push(
        ...this.timeline.changed(
          task.id,
          linked.map((c) => c.id),
        ),
      );
      const main = linked[0];
      if (main && assignee && !assignee.deactivatedAt) {
        const summary = await this.conversations.loadSummary(em, main.id);
        pending.push(
          ...(await this.notifications.create(
            em,
            task.accountId,
            [assignee.id],
            'task_due',
            summary,
          )),
        );
      }
      await this.events.append(em, task.accountId, pending);
      return true;
    });
  }

  onApplicationShutdown(): Promise<void> {
    return this.poller.stop();
  }
}

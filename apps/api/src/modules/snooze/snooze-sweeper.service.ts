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
import type { PendingEvent } from '../../core/events/pending-event';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { MessagesRepository } from '../messages/messages.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { SnoozeRepository } from './snooze.repository';

/** Conversations woken per transaction: a storm is a few hundred commits, not one per wake-up. */
const WAKE_BATCH = 500;
/**
 * Batches in flight at once. With two, a storm left most of a core idle between round trips;
 * four woke 100,000 in 39–41 s instead of 52 s (docs/benchmarks.md). Each holds its batch's row
 * locks until it commits, which a customer message to one of those conversations waits for.
 */
const WAKE_WORKERS = 4;

/**
 * Brings snoozed conversations back when their time comes. Polls the partial index every
 * SNOOZE_POLL_MS; each transaction claims a batch of due rows with SKIP LOCKED and wakes them with
 * set-based statements (the activities, summaries, notifications and events of the whole batch in
 * one statement each), so with any number of instances every conversation wakes exactly once, and
 * 100,000 due in the same second are a few hundred commits. Anything overdue after downtime is
 * simply due, so a restart catches up by itself.
 */
@Injectable()
export class SnoozeSweeperService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SnoozeSweeperService.name);
  private readonly poller: DueWorkPoller;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly events: EventLogService,
    private readonly snoozes: SnoozeRepository,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.poller = new DueWorkPoller(
      'Snooze sweep',
      config.SNOOZE_POLL_MS,
      () => this.wakeBatch(),
      this.logger,
      WAKE_WORKERS,
    );
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  /** Wakes every due conversation; returns how many woke. */
  sweep(): Promise<number> {
    return this.poller.drain();
  }

  /** Wakes one batch of due conversations in one transaction; returns how many woke. */
  private wakeBatch(): Promise<number> {
    return this.ds.transaction(async (em) => {
      const woken = await this.snoozes.wakeDue(em, WAKE_BATCH);
      if (woken.length === 0) return 0;
      const activities = await this.messages.insertActivities(
        em,
        woken.map((conv) => ({ conv, activity: { type: 'snooze_expired' } })),
      );
      const summaries = await this.conversations.loadSummaries(
        em,
        woken.map((c) => c.id),
      );
      const byAccount = new Map<string, number[]>();
      woken.forEach((c, i) => {
        const list = byAccount.get(c.accountId);
        if (list) list.push(i);
        else byAccount.set(c.accountId, [i]);
      });
      const numbered: [string, PendingEvent[]][] = [];
      for (const [accountId, indexes] of byAccount) {
        const summary = (i: number) => summaries.get(woken[i]!.id)!;
        // The owner is told: the assignee, or else whoever snoozed it.
        const owners = new Map<number, string>();
        for (const i of indexes) {
          const owner = woken[i]!.assigneeId ?? woken[i]!.snoozedById;
          if (owner) owners.set(i, owner);
        }
        const notices = await this.notifications.createMany(
          em,
          accountId,
          'snooze_expired',
          [...owners].map(([i, operatorId]) => ({ operatorId, conversation: summary(i) })),
        );
        const noticeOf = new Map([...owners.keys()].map((i, k) => [i, notices[k]!]));
        const pending: PendingEvent[] = [];
        for (const i of indexes) {
          const conversationId = woken[i]!.id;
          const conversation = summary(i);
          pending.push(
            {
              type: 'message.created',
              conversationId,
              payload: { message: activities[i]!, conversation },
            },
            { type: 'conversation.updated', conversationId, payload: { conversation } },
          );
          const notice = noticeOf.get(i);
          if (notice) pending.push(notice);
        }
        numbered.push([accountId, pending]);
      }
      // Numbered as the last writes, accounts in id order (EventLogService.appendNumbered).
      numbered.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [accountId, pending] of numbered)
        await this.events.appendNumbered(em, accountId, pending);
      return woken.length;
    });
  }

  onApplicationShutdown(): Promise<void> {
    return this.poller.stop();
  }
}

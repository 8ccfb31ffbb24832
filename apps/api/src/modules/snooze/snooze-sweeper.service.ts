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
import { MessagesRepository } from '../messages/messages.repository';
import { NotificationsService } from '../notifications/notifications.service';

/**
 * Brings snoozed conversations back when their time comes. Polls the partial index every
 * SNOOZE_POLL_MS; each wake-up is its own transaction that claims the row with SKIP LOCKED and
 * re-checks the status, so with any number of instances every conversation wakes exactly once.
 * Anything overdue after downtime is simply due, so a restart catches up by itself.
 */
@Injectable()
export class SnoozeSweeperService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SnoozeSweeperService.name);
  private readonly poller: DueWorkPoller;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly events: EventLogService,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.poller = new DueWorkPoller(
      'Snooze sweep',
      config.SNOOZE_POLL_MS,
      () => this.wakeOne(),
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  /** Wakes every due conversation; returns how many woke. */
  sweep(): Promise<number> {
    return this.poller.drain();
  }

  private wakeOne(): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      const conv = await this.conversations.claimDueSnooze(em);
      if (!conv) return false;
      await this.conversations.wake(em, conv.id);
      const activity = await this.messages.insertActivity(em, conv, { type: 'snooze_expired' });
      const summary = await this.conversations.loadSummary(em, conv.id);
      const owner = conv.assigneeId ?? conv.snoozedById;
      await this.events.append(em, conv.accountId, [
        {
          type: 'message.created',
          conversationId: conv.id,
          payload: { message: activity, conversation: summary },
        },
        {
          type: 'conversation.updated',
          conversationId: conv.id,
          payload: { conversation: summary },
        },
        ...(await this.notifications.create(
          em,
          conv.accountId,
          owner ? [owner] : [],
          'snooze_expired',
          summary,
        )),
      ]);
      return true;
    });
  }

  onApplicationShutdown(): Promise<void> {
    return this.poller.stop();
  }
}

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
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly events: EventLogService,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweep()
        .then(() => undefined)
        .catch((err: Error) => this.logger.error(`Snooze sweep failed: ${err.message}`))
        .finally(() => {
          this.running = null;
          this.schedule(this.config.SNOOZE_POLL_MS);
        });
    }, delay);
  }

  /** Wakes every due conversation; returns how many woke. */
  async sweep(): Promise<number> {
    let woken = 0;
    while (!this.stopped && (await this.wakeOne())) woken++;
    return woken;
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

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}

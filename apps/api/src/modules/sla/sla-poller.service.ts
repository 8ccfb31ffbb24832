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
import type { PendingEvent } from '../../core/events/pending-event';
import { DueWorkPoller } from '../../core/scheduling/due-work-poller';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { SlaBreachWriter } from './sla-breach-writer.service';
import { nextCheck, transitionsAt } from './sla-clock';
import { SlaTargetsRepository } from './sla-targets.repository';

/**
 * Moves SLA targets to `warning` and then `breached` when their time comes, exactly once: the
 * snooze sweeper's design. Polls the partial index of targets with a `check_at` every
 * SNOOZE_POLL_MS; each step is one transaction that claims the target and its conversation with
 * SKIP LOCKED and writes the state, the `conversation.sla` event and, on breach, the timeline
 * activity and the notifications. A target that came due while every instance was down is
 * handled at the next start.
 */
@Injectable()
export class SlaPollerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SlaPollerService.name);
  private readonly poller: DueWorkPoller;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly targets: SlaTargetsRepository,
    private readonly conversations: ConversationsRepository,
    private readonly breach: SlaBreachWriter,
    private readonly events: EventLogService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.poller = new DueWorkPoller(
      'SLA sweep',
      config.SNOOZE_POLL_MS,
      () => this.stepOne(),
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  /** Handles every target due now; returns how many (tests). */
  sweep(): Promise<number> {
    return this.poller.drain();
  }

  onApplicationShutdown(): Promise<void> {
    return this.poller.stop();
  }

  private stepOne(): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      const t = await this.targets.claimDue(em);
      if (!t) return false;
      const steps = transitionsAt(t, new Date());
      const state = steps[steps.length - 1] ?? t.state;
      const check = nextCheck({ ...t, state });
      // Nothing to do yet (moved by a recompute): look again at the right time, never in a loop.
      await this.targets.update(em, t.conversationId, t.target, {
        state,
        checkAt: steps.length === 0 && check && check <= new Date() ? null : check,
      });
      if (steps.length === 0) return true;
      const conv = await this.conversations.lockForAccount(em, t.accountId, t.conversationId);
      if (!conv) return true;
      const pending: PendingEvent[] = [];
      if (steps.includes('breached'))
        pending.push(...(await this.breach.write(em, conv, t.target)));
      const conversation = await this.conversations.loadSummary(em, conv.id);
      for (const step of steps) {
        pending.push({
          type: 'conversation.sla',
          conversationId: conv.id,
          payload: { conversation, target: t.target, state: step, dueAt: t.dueAt.toISOString() },
        });
      }
      pending.push({
        type: 'conversation.updated',
        conversationId: conv.id,
        payload: { conversation },
      });
      await this.events.append(em, t.accountId, pending);
      return true;
    });
  }
}

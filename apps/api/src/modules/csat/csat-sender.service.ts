import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { EventLogService } from '../../core/events/event-log.service';
import { QueueService } from '../../core/queue/queue.service';
import { DueWorkPoller } from '../../core/scheduling/due-work-poller';
import {
  OUTBOUND_DELIVERY_QUEUE,
  type OutboundDeliveryJob,
} from '../channels/outbound-delivery.queue';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { MessagesRepository } from '../messages/messages.repository';
import { CsatLinks } from './csat-links';
import { CsatRepository, type SurveyTarget } from './csat.repository';
import { surveyContent } from './csat-survey-content';
import type { CsatSurveyEntity } from './entities/csat-survey.entity';
import type { CsatSettingsEntity } from './entities/csat-settings.entity';

const DAY_MS = 86_400_000;

/**
 * Sends each due survey exactly once: a DueWorkPoller claims the oldest due row with SKIP LOCKED
 * and, in that one transaction, re-checks the conversation (still closed, not merged away), the
 * customer (not a machine, not surveyed within the quiet period) and the channel (WhatsApp's
 * window), then stores the survey as an automatic outgoing message with its delivery job.
 */
@Injectable()
export class CsatSenderService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CsatSenderService.name);
  private readonly poller: DueWorkPoller;
  readonly links: CsatLinks;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: CsatRepository,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly queue: QueueService,
    private readonly events: EventLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.links = new CsatLinks(config.APP_SECRET, config.PUBLIC_URL);
    this.poller = new DueWorkPoller(
      'CSAT survey sweep',
      config.SNOOZE_POLL_MS,
      () => this.sendOne(),
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.poller.stop();
  }

  /** Sends (or skips) every survey due now; returns how many were handled. */
  sweep(): Promise<number> {
    return this.poller.drain();
  }

  private sendOne(): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      const survey = await this.repo.claimDue(em);
      if (!survey) return false;
      const target = await this.repo.lockTarget(em, survey);
      if (!target) {
        await this.repo.delete(em, survey.id);
        return true;
      }
      const conv = target.conversation;
      if (conv.status !== 'closed' && !conv.mergedIntoId) {
        // Reopened before the send: no survey now; the next close schedules one again.
        await this.repo.delete(em, survey.id);
        return true;
      }
      const settings = await this.repo.settings(conv.inboxId, em);
      if (settings?.enabled && !conv.mergedIntoId && conv.statusChangedAt > survey.closedAt) {
        // Reopened and closed again since: the survey waits for the newest close.
        const dueAt = new Date(conv.statusChangedAt.getTime() + settings.delayMinutes * 60_000);
        await this.repo.update(em, survey.id, { closedAt: conv.statusChangedAt, dueAt });
        return true;
      }
      const refusal = settings
        ? await this.refusal(em, survey, target, settings)
        : 'surveys were turned off for the inbox';
      if (refusal || !settings) {
        this.logger.log(`Survey of conversation ${conv.id} not sent: ${refusal}`);
        await this.repo.update(em, survey.id, { state: 'skipped', skipReason: refusal });
        return true;
      }
      await this.send(em, survey, target, settings);
      return true;
    });
  }

  /** Why this survey must not go out, or null. */
  private async refusal(
    em: EntityManager,
    survey: CsatSurveyEntity,
    target: SurveyTarget,
    settings: CsatSettingsEntity,
  ): Promise<string | null> {
    const conv = target.conversation;
    if (conv.mergedIntoId) return 'the conversation was merged into another';
    if (!settings.enabled) return 'surveys were turned off for the inbox';
    const automated = await this.repo.newestIncomingAutomated(em, conv.id);
    if (automated === null) return 'the customer never wrote';
    if (automated) return 'the customer is an automated sender';
    const since = new Date(Date.now() - settings.quietDays * DAY_MS);
    if (
      settings.quietDays > 0 &&
      (await this.repo.surveyedSince(em, survey.contactId, since, survey.id))
    )
      return `the customer was surveyed within the last ${settings.quietDays} days`;
    if (target.replyWindowHours !== null) {
      const last = conv.lastIncomingAt?.getTime() ?? 0;
      if (last + target.replyWindowHours * 3_600_000 <= Date.now())
        return `outside the channel's ${target.replyWindowHours}-hour reply window`;
    }
    return null;
  }

  private async send(
    em: EntityManager,
    survey: CsatSurveyEntity,
    target: SurveyTarget,
    settings: CsatSettingsEntity,
  ): Promise<void> {
    const conv = target.conversation;
    const content = surveyContent({
      channel: target.channel,
      surveyId: survey.id,
      scale: settings.scale,
      question: settings.question,
      token: this.links.token(survey.id, new Date()),
      links: this.links,
    });
    if (content.kind === 'skip') {
      this.logger.log(`Survey of conversation ${conv.id} not sent: ${content.reason}`);
      await this.repo.update(em, survey.id, { state: 'skipped', skipReason: content.reason });
      return;
    }
    const messageId = await this.repo.insertSurveyMessage(em, {
      accountId: conv.accountId,
      conversationId: conv.id,
      inboxId: conv.inboxId,
      text: content.text,
    });
    await this.repo.markSent(em, survey.id, {
      messageId,
      scale: settings.scale,
      question: settings.question,
      commentEnabled: settings.commentEnabled,
      buttons: content.buttons,
    });
    const job: OutboundDeliveryJob = { messageId, attempt: 1 };
    await this.queue.sendInTransaction(em, OUTBOUND_DELIVERY_QUEUE, job);
    const message = await this.messages.loadDto(em, messageId);
    const conversation = await this.conversations.loadSummary(em, conv.id);
    await this.events.append(em, conv.accountId, [
      { type: 'message.created', conversationId: conv.id, payload: { message, conversation } },
    ]);
  }
}

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
import { DueWorkPoller } from '../../core/scheduling/due-work-poller';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { MessagesRepository } from '../messages/messages.repository';
import { ReplyDispatchService } from '../messages/reply-dispatch.service';
import { UndoSendRepository } from './undo-send.repository';

/**
 * Sends held replies when their Undo window closes. The hold lives in PostgreSQL
 * (`messages.undo_until`), so a restart during it loses nothing: whatever fell due meanwhile is
 * due at start. Each release is one transaction that locks the conversation, then the message,
 * re-checks the hold, clears it and enqueues the delivery job (ReplyDispatchService): the job
 * exists exactly when the hold is gone, so with any number of instances a reply leaves once.
 * Its `message.created` is written then, so rules, SLAs, reports and webhooks see the reply only
 * when it really leaves.
 */
@Injectable()
export class ReplyReleaseService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReplyReleaseService.name);
  private readonly poller: DueWorkPoller;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: UndoSendRepository,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly dispatch: ReplyDispatchService,
    private readonly events: EventLogService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.poller = new DueWorkPoller(
      'Undo send release',
      config.UNDO_SEND_POLL_MS,
      () => this.releaseOne(),
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  /** True when a due reply was released here. */
  private async releaseOne(): Promise<boolean> {
    // Looked for outside a transaction: most polls find nothing, and cost one indexed read.
    const candidate = await this.repo.nextDue(this.ds.manager);
    if (!candidate) return false;
    const released = await this.ds.transaction(async (em) => {
      const conv = await this.conversations.lockForAccount(
        em,
        candidate.accountId,
        candidate.conversationId,
      );
      const held = conv ? await this.repo.lock(em, candidate.id) : null;
      // Undone, released by another instance, or moved by a merge meanwhile: not ours now.
      if (!conv || !held?.undoUntil || !held.due || held.conversationId !== conv.id) return false;
      await this.repo.release(em, held.id);
      await this.dispatch.dispatch(em, {
        accountId: held.accountId,
        conversationId: conv.id,
        messageId: held.id,
        operatorId: held.senderOperatorId,
        text: held.text,
        attachments: held.attachments,
      });
      const message = await this.messages.loadDto(em, held.id);
      const conversation = await this.conversations.loadSummary(em, conv.id);
      await this.events.append(em, held.accountId, [
        { type: 'message.created', conversationId: conv.id, payload: { message, conversation } },
      ]);
      return true;
    });
    if (released) this.dispatch.nudge();
    // A lost race ends this round: the next poll looks again, and nothing can spin here.
    return released;
  }

  onApplicationShutdown(): Promise<void> {
    return this.poller.stop();
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { ChannelInputError, type InboundFile, type InboundEvent } from '@switchboard/channels-core';
import {
  inboundExternalId,
  isOriginAllowed,
  WebchatChannelAdapter,
  type WebchatEnvelope,
} from '@switchboard/channels-webchat';
import { AppException } from '../../../core/http/app.exception';
import { InboundPipelineService } from '../../channels/inbound-pipeline.service';
import type { VisitorMessageDto } from '../dto/widget-wire.dto';
import { UploadClaimRepository } from '../repositories/upload-claim.repository';
import { PreChatContactRepository } from '../repositories/prechat-contact.repository';
import { WebchatVisitorRepository } from '../repositories/webchat-visitor.repository';
import { ConversationStartLimiterService } from './conversation-start-limiter.service';
import { checkPreChatAnswers, type PreChatContactFill } from './prechat-answers';
import type { VisitorPrincipal } from './visitor-auth.service';
import { VisitorHistoryService } from './visitor-history.service';
import {
  UPLOAD_CLAIM_STALE_SECONDS,
  WidgetLimitsService,
  type WidgetCaller,
} from './widget-limits.service';

export interface VisitorMessageInput {
  clientMessageId: string;
  text: string;
  visitorName?: string | null;
  pageUrl?: string | null;
  referrer?: string | null;
  prechat?: Record<string, string> | null;
  attachment?: InboundFile;
}

/**
 * The page shown to operators on the message: only one of the inbox's allowed sites (a visitor
 * cannot dress a message up as coming from elsewhere); the referrer is any http(s) page.
 */
function pageOf(p: VisitorPrincipal, input: VisitorMessageInput) {
  const url = input.pageUrl;
  if (!url || !isOriginAllowed(url, p.ctx.settings.allowedOrigins)) return null;
  return { url, referrer: input.referrer ?? null };
}

const RECEIPT_RETRIES = 5;
const RECEIPT_RETRY_MS = 400;

/** A visitor's messages and receipts, through the adapter and the one inbound pipeline. */
@Injectable()
export class VisitorMessagesService {
  private readonly logger = new Logger(VisitorMessagesService.name);

  constructor(
    private readonly adapter: WebchatChannelAdapter,
    private readonly pipeline: InboundPipelineService,
    private readonly history: VisitorHistoryService,
    private readonly starts: ConversationStartLimiterService,
    private readonly limits: WidgetLimitsService,
    private readonly claims: UploadClaimRepository,
    private readonly visitors: WebchatVisitorRepository,
    private readonly preChatContacts: PreChatContactRepository,
  ) {}

  /**
   * Stores one visitor message. A repeated client message id returns the stored message and
   * counts against no limit; a file is stored once per client message id, even when retries race.
   */
  async send(
    p: VisitorPrincipal,
    input: VisitorMessageInput,
    caller: WidgetCaller,
  ): Promise<VisitorMessageDto> {
    const externalId = inboundExternalId(p.visitorKey, input.clientMessageId);
    const earlier = await this.history.messageByExternalId(p.inbox.id, p.visitorKey, externalId);
    if (earlier) return earlier;
    const preChat = await this.preChatOf(p, input);
    const envelope: WebchatEnvelope = {
      type: 'message',
      visitorToken: p.token,
      origin: p.origin,
      clientMessageId: input.clientMessageId,
      text: input.text,
      attachments: input.attachment ? [input.attachment] : [],
      // Operators need something to call an anonymous visitor in the feed until they know more.
      visitorName:
        preChat?.name ??
        input.visitorName ??
        (p.claims.userId ? null : `Web visitor ${p.claims.visitorId.slice(0, 6)}`),
      page: pageOf(p, input),
      receivedAt: new Date(),
    };
    const events = this.parse(p, envelope);
    if (!input.attachment) {
      await this.limits.takeMessage(caller);
      return this.store(p, input, caller, events, preChat);
    }
    const upload = {
      inboxId: p.inbox.id,
      visitorKey: p.visitorKey,
      clientMessageId: input.clientMessageId,
    };
    if (!(await this.claims.claim(upload, UPLOAD_CLAIM_STALE_SECONDS))) {
      const stored = await this.history.messageByExternalId(p.inbox.id, p.visitorKey, externalId);
      if (stored) return stored;
      throw new AppException(
        'CONFLICT',
        'This file is still being uploaded by an earlier attempt; retry in a moment',
      );
    }
    try {
      // The claim may have been freed by an attempt that just stored the message.
      const stored = await this.history.messageByExternalId(p.inbox.id, p.visitorKey, externalId);
      if (stored) return stored;
      await this.limits.takeUpload(caller, input.attachment.content.length);
      return await this.store(p, input, caller, events, preChat);
    } finally {
      await this.claims.release(upload);
    }
  }

  private async store(
    p: VisitorPrincipal,
    input: VisitorMessageInput,
    caller: WidgetCaller,
    events: InboundEvent[],
    preChat: PreChatContactFill | null,
  ): Promise<VisitorMessageDto> {
    if (!(await this.history.hasConversation(p.inbox.id, p.visitorKey))) {
      await this.starts.take(
        p.inbox.id,
        caller.network,
        p.ctx.settings.newConversationsPerIpPerHour,
      );
    }
    const [outcome] = await this.pipeline.ingest(p.inbox.id, events);
    if (input.pageUrl && isOriginAllowed(input.pageUrl, p.ctx.settings.allowedOrigins)) {
      await this.visitors.touchPage(p.inbox.id, p.visitorKey, input.pageUrl);
    }
    const stored =
      outcome?.kind === 'stored'
        ? await this.history.message(p.inbox.id, p.visitorKey, outcome.messageId)
        : outcome?.kind === 'duplicate'
          ? await this.history.messageByExternalId(p.inbox.id, p.visitorKey, outcome.externalId)
          : null;
    if (!stored)
      throw new AppException('CONFLICT', 'The message could not be stored; please retry');
    if (preChat && outcome?.kind === 'stored') await this.preChatContacts.apply(stored.id, preChat);
    return stored;
  }

  /** Pre-chat answers, checked against the inbox's fields; required only before a first conversation. */
  private async preChatOf(
    p: VisitorPrincipal,
    input: VisitorMessageInput,
  ): Promise<PreChatContactFill | null> {
    const fields = p.ctx.settings.preChatFields;
    // Identified visitors are known to the site already: the form is not theirs to fill.
    if (fields.length === 0 || p.claims.userId) return null;
    const first = !(await this.history.hasConversation(p.inbox.id, p.visitorKey));
    return checkPreChatAnswers(fields, input.prechat, first);
  }

  /**
   * Receipts for operator messages. A receipt can overtake the delivery worker recording the
   * message's channel id (the widget acks as soon as it sees the message), so unknown ids are
   * retried briefly before being dropped.
   */
  async receipt(
    p: VisitorPrincipal,
    status: 'delivered' | 'read',
    messageIds: string[],
    attempt = 0,
  ): Promise<void> {
    const externalIds = await this.history.outboundExternalIds(
      p.inbox.id,
      p.visitorKey,
      messageIds,
    );
    if (externalIds.length > 0) {
      const envelope: WebchatEnvelope = {
        type: 'receipt',
        visitorToken: p.token,
        origin: p.origin,
        status,
        externalIds,
        at: new Date(),
      };
      await this.pipeline.ingest(p.inbox.id, this.parse(p, envelope));
    }
    if (externalIds.length < messageIds.length && attempt < RECEIPT_RETRIES) {
      const known = new Set(externalIds.map((id) => id.slice('wc-out:'.length)));
      const pending = messageIds.filter((id) => !known.has(id));
      setTimeout(
        () => {
          this.receipt(p, status, pending, attempt + 1).catch((err: Error) =>
            this.logger.warn(`Receipt retry failed: ${err.message}`),
          );
        },
        RECEIPT_RETRY_MS * (attempt + 1),
      ).unref();
    }
  }

  private parse(p: VisitorPrincipal, envelope: WebchatEnvelope) {
    try {
      return this.adapter.parseInbound(envelope, p.ctx);
    } catch (err) {
      if (err instanceof ChannelInputError)
        throw new AppException('VALIDATION_FAILED', err.message);
      throw err;
    }
  }
}

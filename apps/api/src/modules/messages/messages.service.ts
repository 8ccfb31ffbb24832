import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { renderTemplate } from '@switchboard/contracts';
import type {
  ListMessagesQuery,
  MessageDto,
  Page,
  ReplyCollisionDetails,
  sendMessageRequestSchema,
} from '@switchboard/contracts';
import type { z } from 'zod';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { EventLogService } from '../../core/events/event-log.service';
import { AppException, notFound } from '../../core/http/app.exception';
import { QueueService } from '../../core/queue/queue.service';
import { ChannelRegistryService } from '../channels/channel-registry.service';
import {
  OUTBOUND_DELIVERY_QUEUE,
  type OutboundDeliveryJob,
} from '../channels/outbound-delivery.queue';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { decodeKeyset, encodeKeyset, isUuid } from '../conversations/keyset-cursor';
import { DraftsRepository } from '../drafts/drafts.repository';
import { InboxesService } from '../inboxes/inboxes.service';
import { MessageTemplatesService } from '../channels/message-templates.service';
import { ReplyChannelsService } from '../conversation-merge/reply-channels.service';
import { toAttachmentDto } from '../../core/storage/files.service';
import { emailCopiesFor } from '../email-replies/email-copies';
import { toMessageDto } from './message.mapper';
import { MessageDeliveryRepository } from './message-delivery.repository';
import { MessagesRepository } from './messages.repository';
import { NoteMentionsService } from './note-mentions.service';
import { ReplyDispatchService } from './reply-dispatch.service';
import { UndoSendSettingsService } from '../undo-send/undo-send-settings.service';
import { UndoSendRepository } from '../undo-send/undo-send.repository';

type SendMessage = z.output<typeof sendMessageRequestSchema>;

/** Operator-side messages: the timeline (keyset pages), replies and notes, retries and resends. */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly delivery: MessageDeliveryRepository,
    private readonly events: EventLogService,
    private readonly queue: QueueService,
    private readonly inboxes: InboxesService,
    private readonly registry: ChannelRegistryService,
    private readonly drafts: DraftsRepository,
    private readonly mentions: NoteMentionsService,
    private readonly templates: MessageTemplatesService,
    private readonly replyChannels: ReplyChannelsService,
    private readonly dispatch: ReplyDispatchService,
    private readonly undoSend: UndoSendSettingsService,
    private readonly held: UndoSendRepository,
  ) {}

  async list(
    op: AuthenticatedOperator,
    conversationId: string,
    q: ListMessagesQuery,
  ): Promise<Page<MessageDto>> {
    if (!isUuid(conversationId) || !(await this.conversations.isVisibleTo(op, conversationId)))
      throw notFound('Conversation');
    const rows = await this.messages.listTimelinePage(
      conversationId,
      decodeKeyset(q.before),
      q.limit,
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toMessageDto),
      nextCursor:
        rows.length > q.limit && last ? encodeKeyset({ at: last.created_key, id: last.id }) : null,
    };
  }

  /** The chosen template, approved and with every variable filled, rendered as the customer will read it. */
  private async renderTemplate(
    op: AuthenticatedOperator,
    conversationId: string,
    req: SendMessage,
  ) {
    const chosen = req.template!;
    if (req.kind === 'note')
      throw new AppException('VALIDATION_FAILED', 'A note cannot be a template');
    if (req.attachmentIds.length > 0)
      throw new AppException(
        'VALIDATION_FAILED',
        'A template is sent as it is, without attachments',
      );
    const summary = await this.conversations.findSummary(this.ds.manager, conversationId, op);
    if (!summary) throw notFound('Conversation');
    const template = await this.templates.approved(op.accountId, summary.inbox_id, chosen.id);
    const missing = template.variables.filter((v) => !chosen.variables[v]);
    if (missing.length > 0)
      throw new AppException(
        'VALIDATION_FAILED',
        `Fill in every template variable: {{${missing.join('}}, {{')}}} missing`,
      );
    const variables = Object.fromEntries(template.variables.map((v) => [v, chosen.variables[v]!]));
    return {
      id: template.id,
      inboxId: summary.inbox_id,
      variables,
      text: renderTemplate(template.body, variables),
    };
  }

  /**
   * Stores the reply and its delivery job in one transaction; the same clientMessageId stores one
   * reply. An `undoable` reply waits its operator's Undo send delay instead (held, no job yet,
   * `message.sending`): ReplyReleaseService dispatches it when the window closes.
   */
  async send(
    op: AuthenticatedOperator,
    conversationId: string,
    req: SendMessage,
  ): Promise<MessageDto> {
    // A template is asked of the provider before the conversation is locked (a network call).
    const template = req.template ? await this.renderTemplate(op, conversationId, req) : null;
    const result = await this.ds.transaction(async (em) => {
      const conv = await this.conversations.lockOwned(em, op, conversationId);
      if (!conv) throw notFound('Conversation');
      if (req.clientMessageId) {
        const existing = await this.messages.findIdByClientMessageId(
          em,
          conv.id,
          req.clientMessageId,
        );
        if (existing)
          return { message: await this.messages.loadDto(em, existing.id), created: false };
      }
      if (req.lastSeenMessageId && !req.confirmed && req.kind !== 'note')
        await this.holdIfColleagueReplied(em, op, conv.id, req.lastSeenMessageId);
      const isNote = req.kind === 'note';
      // "Reply via": a merged conversation may reach the customer on more than one channel.
      const route = await this.replyChannels.routeFor(em, op, conv, {
        identityId: req.identityId,
        isNote,
        isTemplate: Boolean(template),
      });
      const inbox = await this.inboxes.row(route.inboxId, undefined, em);
      if (!isNote && !template) assertReplyWindowOpen(inbox.replyWindowHours, conv.lastIncomingAt);
      if (template && template.inboxId !== conv.inboxId)
        throw new AppException('CONFLICT', 'The conversation moved to another inbox; choose again');
      if (!isNote) {
        const limit = this.registry.get(inbox.kind).manifest.capabilities.maxTextLength;
        if (req.text.length > limit) {
          throw new AppException(
            'TEXT_TOO_LONG',
            `This channel accepts at most ${limit} characters; the reply has ${req.text.length}`,
          );
        }
      }
      const mentions = await this.mentions.resolve(em, op.accountId, req.kind, req.mentionIds);
      const attachments = await this.attachmentsFor(em, op.accountId, req.attachmentIds);
      if (!isNote && attachments.length > 0) {
        const caps = this.registry.get(inbox.kind).manifest.capabilities;
        if (!caps.attachments) {
          throw new AppException(
            'UNSUPPORTED_MEDIA_TYPE',
            `The ${inbox.kind} channel does not carry attachments`,
          );
        }
        const tooBig = attachments.find((a) => a.size > caps.maxAttachmentBytes);
        if (tooBig) {
          throw new AppException(
            'PAYLOAD_TOO_LARGE',
            `${tooBig.filename} is larger than this channel accepts (${caps.maxAttachmentBytes} bytes)`,
          );
        }
      }
      const replyToMessageId = req.replyToMessageId ?? null;
      if (
        replyToMessageId &&
        (isNote || !(await this.messages.isInConversation(em, conv.id, replyToMessageId)))
      ) {
        throw new AppException(
          'VALIDATION_FAILED',
          isNote
            ? 'A note cannot reply to a message: only replies to the customer can'
            : 'The message replied to is not in this conversation',
        );
      }
      const emailRecipients = emailCopiesFor(req, {
        kind: req.kind,
        template: Boolean(template),
        inbox,
      });
      const insertedId = await this.messages.insertFromOperator(em, {
        accountId: op.accountId,
        conversationId: conv.id,
        inboxId: route.inboxId,
        recipientIdentityId: route.recipientIdentityId,
        kind: isNote ? 'note' : 'message',
        senderOperatorId: op.id,
        text: template?.text ?? req.text,
        attachments,
        clientMessageId: req.clientMessageId ?? null,
        mentions,
        replyToMessageId,
        template: template ? { id: template.id, variables: template.variables } : null,
        emailRecipients,
      });
      if (!insertedId)
        throw new AppException('CONFLICT', 'A message with this clientMessageId is being stored');
      const holdSeconds = !isNote && req.undoable ? await this.undoSend.delayFor(em, op.id) : 0;
      if (holdSeconds > 0) await this.held.hold(em, insertedId, holdSeconds);
      else if (!isNote)
        await this.dispatch.dispatch(em, {
          accountId: op.accountId,
          conversationId: conv.id,
          messageId: insertedId,
          operatorId: op.id,
          text: template?.text ?? req.text,
          attachments,
        });
      // What was being written is now sent: the draft goes with it, on every device.
      await this.drafts.remove(em, {
        accountId: op.accountId,
        operatorId: op.id,
        conversationId: conv.id,
      });
      const message = await this.messages.loadDto(em, insertedId);
      const conversation = await this.conversations.loadSummary(em, conv.id);
      const mentionEvents = await this.mentions.notify(
        em,
        op.accountId,
        op.id,
        mentions,
        conversation,
      );
      await this.events.append(em, op.accountId, [
        holdSeconds > 0
          ? { type: 'message.sending', conversationId: conv.id, payload: { message } }
          : {
              type: 'message.created',
              conversationId: conv.id,
              payload: { message, conversation },
            },
        ...mentionEvents,
      ]);
      return { message, created: true };
    });
    if (result.created && req.kind !== 'note' && !result.message.undoUntil) this.dispatch.nudge();
    return result.message;
  }

  /**
   * Collision: a reply is refused (409) when a colleague answered the customer after the last
   * message this operator saw. It runs under the conversation's row lock, so two operators racing
   * each other cannot both pass it: the second one sees the first reply.
   */
  private async holdIfColleagueReplied(
    em: EntityManager,
    op: AuthenticatedOperator,
    conversationId: string,
    lastSeenMessageId: string,
  ): Promise<void> {
    if (!(await this.messages.isInConversation(em, conversationId, lastSeenMessageId)))
      throw new AppException(
        'VALIDATION_FAILED',
        'lastSeenMessageId must name a message of this conversation',
      );
    const newer = await this.messages.newestReplyByOthersAfter(
      em,
      conversationId,
      lastSeenMessageId,
      op.id,
    );
    if (!newer) return;
    const details: ReplyCollisionDetails = {
      repliedBy: { id: newer.sender.id ?? '', name: newer.sender.name },
      repliedAt: newer.createdAt,
      message: newer,
    };
    throw new AppException(
      'REPLY_COLLISION',
      `${newer.sender.name ?? 'A colleague'} replied to the customer after the last message you saw; review it, or send with confirmed: true`,
      details,
    );
  }

  /** A failed send goes back to pending and into the queue. */
  retry(op: AuthenticatedOperator, messageId: string): Promise<MessageDto> {
    return this.sendAgain(op, messageId, 'failed', 'Only a failed message can be retried');
  }

  /**
   * Sends again, on purpose, a message whose delivery is uncertain: the operator has decided the
   * customer may not have it. Never done automatically, since the customer may then get it twice.
   */
  resend(op: AuthenticatedOperator, messageId: string): Promise<MessageDto> {
    return this.sendAgain(
      op,
      messageId,
      'uncertain',
      'Only a message whose delivery is uncertain can be sent again',
    );
  }

  private async sendAgain(
    op: AuthenticatedOperator,
    messageId: string,
    from: 'failed' | 'uncertain',
    refusal: string,
  ): Promise<MessageDto> {
    if (!isUuid(messageId)) throw notFound('Message');
    const message = await this.ds.transaction(async (em) => {
      const row = await this.messages.lockForAccount(em, op.accountId, messageId);
      if (!row || !(await this.conversations.isVisibleTo(op, row.conversationId, em)))
        throw notFound('Message');
      if (row.deliveryStatus !== from) throw new AppException('INVALID_STATE', refusal);
      await this.delivery.markPending(em, row.id);
      const job: OutboundDeliveryJob = { messageId: row.id, deliberate: true };
      await this.queue.sendInTransaction(em, OUTBOUND_DELIVERY_QUEUE, job);
      const dto = await this.messages.loadDto(em, row.id);
      await this.events.append(em, op.accountId, [
        { type: 'message.updated', conversationId: row.conversationId, payload: { message: dto } },
      ]);
      return dto;
    });
    this.queue.nudge(OUTBOUND_DELIVERY_QUEUE);
    return message;
  }

  /** Inside the caller's transaction: a second pooled connection per request could exhaust the pool. */
  private async attachmentsFor(em: EntityManager, accountId: string, ids: string[]) {
    if (ids.length === 0) return [];
    const files = await this.messages.attachableFiles(em, accountId, ids);
    if (files.length !== ids.length)
      throw new AppException('VALIDATION_FAILED', 'attachmentIds: unknown file');
    return files.map(toAttachmentDto);
  }
}

/**
 * The server, not the client, enforces the channel's reply window: free text after it would be
 * accepted by the provider and then never delivered.
 */
function assertReplyWindowOpen(hours: number | null, lastIncomingAt: Date | null): void {
  if (hours === null) return;
  const closesAt = lastIncomingAt ? lastIncomingAt.getTime() + hours * 3_600_000 : 0;
  if (Date.now() < closesAt) return;
  throw new AppException(
    'REPLY_WINDOW_CLOSED',
    lastIncomingAt
      ? `Free-form replies are allowed only within ${hours} hours of the customer's last message; send an approved template instead`
      : `The customer has not written here yet: only an approved template can start the conversation`,
  );
}

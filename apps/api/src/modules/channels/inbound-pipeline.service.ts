import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ChannelInputError,
  inboundEventSchema,
  previewOf,
  type InboundEvent,
  type ParsedInboundEvent,
} from '@switchboard/channels-core';
import type { ConversationSummaryDto, MessageDto } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { EventLogService } from '../../core/events/event-log.service';
import type { PendingEvent } from '../../core/events/pending-event';
import { AccountsRepository } from '../accounts/accounts.repository';
import { IdentityResolverService } from '../contacts/identity-resolver.service';
import { ConversationsRepository } from '../conversations/conversations.repository';
import type { ConversationEntity } from '../conversations/entities/conversation.entity';
import { isUuid } from '../conversations/keyset-cursor';
import { followMergePointer } from '../conversation-merge/follow-merge-pointer';
import { DeliveryReceiptsService } from '../messages/delivery-receipts.service';
import { MessagesRepository } from '../messages/messages.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { ParticipantsService } from '../participants/participants.service';
import { InboxesService, type InboxRow } from '../inboxes/inboxes.service';
import { ButtonPressesService } from './button-presses.service';
import { suitsFastPath } from './fast-path-eligibility';
import { idOf } from './inbound-event-id';
import { withSafeHtml, type IngestOptions } from './inbound-html';
import { FastIngestService } from './fast-ingest.service';
import { InboundAmendmentsService } from './inbound-amendments.service';
import { InboundAttachmentsService, type PreparedAttachments } from './inbound-attachments.service';
import { MessageAliasesRepository } from './message-aliases.repository';
import type { IngestOutcome } from './ingest-outcome';

export type { IngestOutcome } from './ingest-outcome';

type MessageEvent = Extract<ParsedInboundEvent, { type: 'message' }>;
type StatusEvent = Extract<ParsedInboundEvent, { type: 'status' }>;

class DuplicateMessage extends Error {}
/** Two parts of one new album raced to open it: the loser retries and joins the winner's message. */
class AlbumRace extends Error {}

/**
 * Where every channel's inbound events land: contact resolution, conversation find-or-open,
 * unsnooze/reopen, idempotent insert and the stream event, all in one transaction per event.
 */
@Injectable()
export class InboundPipelineService {
  private readonly logger = new Logger(InboundPipelineService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly inboxes: InboxesService,
    private readonly events: EventLogService,
    private readonly identities: IdentityResolverService,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly accounts: AccountsRepository,
    private readonly notifications: NotificationsService,
    private readonly fastIngest: FastIngestService,
    private readonly receipts: DeliveryReceiptsService,
    private readonly participants: ParticipantsService,
    private readonly attachments: InboundAttachmentsService,
    private readonly aliases: MessageAliasesRepository,
    private readonly amendments: InboundAmendmentsService,
    private readonly buttonPresses: ButtonPressesService,
  ) {}

  /** Ingests events for an inbox (its id, or its row when the caller has loaded it already). */
  async ingest(inboxOrId: string | InboxRow, events: InboundEvent[], opts: IngestOptions = {}) {
    const inbox = typeof inboxOrId === 'string' ? await this.inboxes.row(inboxOrId) : inboxOrId;
    const outcomes: IngestOutcome[] = [];
    for (const raw of events) {
      const parsed = inboundEventSchema.safeParse(raw);
      if (!parsed.success) {
        const reason = parsed.error.issues
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ');
        // A receipt we cannot read is one receipt lost, not a batch refused (and redelivered forever).
        if (raw.type !== 'message') {
          outcomes.push({ kind: 'skipped', externalId: idOf(raw), reason: reason.slice(0, 500) });
          continue;
        }
        throw new ChannelInputError(reason);
      }
      const event = withSafeHtml(parsed.data, opts);
      switch (event.type) {
        case 'message':
          outcomes.push(await this.ingestMessage(inbox, event));
          break;
        case 'status':
          outcomes.push(await this.ingestStatus(inbox, event));
          break;
        case 'ignored':
          outcomes.push({
            kind: 'skipped',
            externalId: event.externalId ?? null,
            reason: event.reason,
          });
          break;
        case 'edit': {
          const edited = await this.amendments.applyEdit(inbox, event);
          // The edit came before the original: store the message as it reads now; the original,
          // arriving later, is a duplicate of it.
          outcomes.push(
            edited.kind === 'not_found'
              ? await this.ingestMessage(inbox, { ...event.message, editedAt: event.editedAt })
              : edited,
          );
          break;
        }
        case 'reachability': {
          const changed = await this.amendments.applyReachability(inbox, event);
          outcomes.push(
            changed.kind === 'not_found'
              ? { kind: 'skipped', externalId: event.externalId, reason: 'No conversation yet' }
              : changed,
          );
          break;
        }
        case 'button_press':
          outcomes.push(await this.buttonPresses.handle(inbox, event));
          break;
      }
    }
    return outcomes;
  }

  private async ingestMessage(inbox: InboxRow, event: MessageEvent): Promise<IngestOutcome> {
    const prepared = await this.attachments.prepare(inbox.accountId, event.attachments);
    const fast = await this.tryFastPath(inbox, event, prepared);
    if (fast) return fast;
    for (let attempt = 0; ; attempt++) {
      try {
        const outcome = await this.ds.transaction((em) =>
          this.storeMessage(em, inbox, event, prepared),
        );
        if (prepared.remote.length > 0) this.attachments.nudge();
        return outcome;
      } catch (err) {
        if (err instanceof DuplicateMessage)
          return { kind: 'duplicate', externalId: event.externalId };
        if (err instanceof AlbumRace && attempt === 0) continue;
        throw err;
      }
    }
  }

  private async storeMessage(
    em: EntityManager,
    inbox: InboxRow,
    event: MessageEvent,
    prepared: PreparedAttachments,
  ): Promise<IngestOutcome> {
    const { attachments } = prepared;
    if (event.album) {
      const album = await this.aliases.lockByExternalId(em, inbox.id, event.album.key);
      if (album) {
        const merged = await this.amendments.mergeAlbumPart(em, inbox, album, event, prepared);
        if (merged.kind !== 'updated') throw new DuplicateMessage();
        return merged;
      }
    }
    const identity = await this.identities.resolve(em, inbox, event.sender);
    // A group chat owns its conversation; each member who writes is a contact of their own.
    const thread = event.chat
      ? await this.identities.resolve(em, inbox, {
          externalId: event.chat.externalId,
          name: event.chat.title ?? null,
        })
      : identity;
    const pending: PendingEvent[] = [];
    let activity: MessageDto | null = null;
    const { conv, created } = await this.findOrOpenConversation(em, inbox, thread, event);
    const text = event.text ?? null;
    const html = event.html ?? null;
    const inserted = await this.messages.insertIncoming(em, {
      accountId: inbox.accountId,
      conversationId: conv.id,
      inboxId: inbox.id,
      senderContactId: identity.contactId,
      text,
      html,
      attachments,
      externalId: event.externalId,
      editedAt: event.editedAt ?? null,
      automated: event.automated,
      emailRecipients: event.recipients ?? null,
      sourcePage: event.sourcePage ?? null,
      replyToMessageId: event.replyToExternalId
        ? await this.aliases.messageIdOf(em, inbox.id, event.replyToExternalId)
        : null,
    });
    if (!inserted) throw new DuplicateMessage();
    if (event.album) {
      const ids = { accountId: inbox.accountId, inboxId: inbox.id, messageId: inserted.id };
      if (!(await this.aliases.addAlias(em, { ...ids, externalId: event.album.key })))
        throw new AlbumRace();
    }
    await this.attachments.scheduleFetches(
      em,
      { accountId: inbox.accountId, inboxId: inbox.id, messageId: inserted.id },
      prepared.remote,
    );
    const wasSnoozed = conv.status === 'snoozed';
    if (conv.status !== 'open') {
      await this.conversations.reopenForCustomer(em, conv.id);
      activity = await this.messages.insertActivity(em, conv, {
        type: wasSnoozed ? 'unsnoozed_by_customer' : 'reopened_by_customer',
      });
    }
    await this.conversations.recordIncoming(
      em,
      conv.id,
      previewOf(text ?? attachments[0]?.filename ?? null),
      event.subject ?? null,
    );
    const summary = await this.conversations.loadSummary(em, conv.id);
    // A group member's name (not the conversation's contact), an edit, a quote, email recipients
    // or the page a chat came from: read back as stored.
    const { chat, editedAt, replyToExternalId, recipients, sourcePage } = event;
    const message: MessageDto =
      chat || editedAt || replyToExternalId || recipients || sourcePage
        ? await this.messages.loadDto(em, inserted.id)
        : {
            id: inserted.id,
            conversationId: conv.id,
            direction: 'incoming',
            kind: 'message',
            sender: { type: 'contact', id: identity.contactId, name: summary.contact.name },
            text,
            html,
            attachments,
            activity: null,
            deliveryStatus: null,
            failureReason: null,
            channel: inbox.kind,
            createdAt: inserted.createdAt.toISOString(),
          };
    // Whoever a snoozed conversation's wake-up tells already hears about this message.
    const wakeUp = wasSnoozed ? await this.notifyUnsnoozed(em, conv, summary) : [];
    // Stored before message.created: a client told here skips its own alert for the message.
    if (!created)
      await this.participants.notifyCustomerMessage(
        em,
        inbox.accountId,
        summary,
        wakeUp.flatMap((e) =>
          e.type === 'notification.created' ? [e.payload.notification.operatorId] : [],
        ),
      );
    // Every event of this transaction carries the final summary, so clients see one state.
    pending.push(...wakeUp);
    if (created)
      pending.push({
        type: 'conversation.created',
        conversationId: conv.id,
        payload: { conversation: summary },
      });
    if (activity)
      pending.push({
        type: 'message.created',
        conversationId: conv.id,
        payload: { message: activity, conversation: summary },
      });
    pending.push({
      type: 'message.created',
      conversationId: conv.id,
      payload: { message, conversation: summary },
    });
    await this.events.append(em, inbox.accountId, pending);
    return {
      kind: 'stored',
      messageId: inserted.id,
      conversationId: conv.id,
      createdConversation: created,
    };
  }

  /**
   * The common case in one round trip (sb_ingest_message, see its migration): no thread hints, the
   * sender's open or a new conversation. Returns null when the general path must decide.
   */
  private async tryFastPath(
    inbox: InboxRow,
    event: MessageEvent,
    { attachments, remote }: PreparedAttachments,
  ): Promise<IngestOutcome | null> {
    if (!suitsFastPath(event, remote.length)) return null;
    const text = event.text ?? null;
    const r = await this.fastIngest.ingest({
      accountId: inbox.accountId,
      inboxId: inbox.id,
      channel: inbox.kind,
      sender: event.sender,
      externalId: event.externalId,
      text,
      html: event.html ?? null,
      subject: event.subject ?? null,
      attachments,
      preview: previewOf(text ?? attachments[0]?.filename ?? null),
    });
    if (r.kind === 'fallback') return null;
    if (r.kind === 'duplicate') return { kind: 'duplicate', externalId: event.externalId };
    // Its events were stored numbered and published by the batch: nothing to sequence.
    return {
      kind: 'stored',
      messageId: r.messageId,
      conversationId: r.conversationId,
      createdConversation: r.created,
    };
  }

  private async notifyUnsnoozed(
    em: EntityManager,
    conv: ConversationEntity,
    summary: ConversationSummaryDto,
  ) {
    const recipients = await this.notifications.recipients(em, conv);
    if (conv.snoozedById && !conv.assigneeId && !recipients.includes(conv.snoozedById))
      recipients.push(conv.snoozedById);
    return this.notifications.create(
      em,
      conv.accountId,
      recipients,
      'unsnoozed_by_customer',
      summary,
    );
  }

  private async findOrOpenConversation(
    em: EntityManager,
    inbox: InboxRow,
    identity: { id: string; contactId: string },
    event: MessageEvent,
  ): Promise<{ conv: ConversationEntity; created: boolean }> {
    // A merged conversation never takes messages again: the one it was merged into does.
    const hinted = await this.findByThreadHints(em, inbox.accountId, event);
    if (hinted)
      return { conv: await followMergePointer(em, this.conversations, hinted), created: false };
    const continueLatest = event.thread?.continueLatest ?? true;
    if (continueLatest) {
      const newest = await this.conversations.lockLatestOfIdentity(em, identity.id);
      const latest = newest && (await followMergePointer(em, this.conversations, newest));
      if (latest && (latest.status !== 'closed' || inbox.reopenPolicy === 'reopen'))
        return { conv: latest, created: false };
    }
    const conv = await this.conversations.insert(em, {
      id: randomUUID(),
      accountId: inbox.accountId,
      number: await this.accounts.nextConversationNumber(em, inbox.accountId),
      inboxId: inbox.id,
      contactId: identity.contactId,
      identityId: identity.id,
      subject: event.subject ?? null,
    });
    return { conv, created: true };
  }

  /** Email-style threading: a reply token, then References/In-Reply-To against stored messages. */
  private async findByThreadHints(
    em: EntityManager,
    accountId: string,
    event: MessageEvent,
  ): Promise<ConversationEntity | null> {
    const token = event.thread?.conversationToken;
    if (token && isUuid(token)) {
      const byToken = await this.conversations.lockForAccount(em, accountId, token);
      if (byToken) return byToken;
    }
    const refs = event.thread?.references ?? [];
    if (refs.length === 0) return null;
    return this.conversations.lockByMessageExternalIds(em, accountId, refs.slice(-50));
  }

  /** A receipt touches only messages sent through the inbox it arrived on (see DeliveryReceiptsService). */
  private async ingestStatus(inbox: InboxRow, event: StatusEvent): Promise<IngestOutcome> {
    return this.ds.transaction(async (em): Promise<IngestOutcome> => {
      const result = await this.receipts.receive(em, inbox, {
        externalId: event.externalId,
        status: event.status,
        reason: event.reason ?? null,
      });
      if (result.kind !== 'applied')
        return { kind: 'status', messageId: null, result: result.kind };
      const message = await this.messages.loadDto(em, result.messageId);
      await this.events.append(em, inbox.accountId, [
        { type: 'message.updated', conversationId: result.conversationId, payload: { message } },
      ]);
      return { kind: 'status', messageId: result.messageId, result: 'applied' };
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ParsedInboundEvent } from '@switchboard/channels-core';
import type { DataSource, EntityManager } from 'typeorm';
import { EventLogService } from '../../core/events/event-log.service';
import { ContactsRepository } from '../contacts/contacts.repository';
import { ConversationsRepository } from '../conversations/conversations.repository';
import type { InboxRow } from '../inboxes/inboxes.service';
import { MessagesRepository } from '../messages/messages.repository';
import { InboundAttachmentsService, type PreparedAttachments } from './inbound-attachments.service';
import type { AmendableMessage } from './message-aliases.repository';
import { MessageAliasesRepository } from './message-aliases.repository';

type MessageEvent = Extract<ParsedInboundEvent, { type: 'message' }>;
type EditEvent = Extract<ParsedInboundEvent, { type: 'edit' }>;
type ReachabilityEvent = Extract<ParsedInboundEvent, { type: 'reachability' }>;

/** What an amendment did: changed a stored message, found nothing new, or found nothing at all. */
export type AmendmentOutcome =
  | { kind: 'updated'; messageId: string; conversationId: string }
  | { kind: 'duplicate'; externalId: string }
  | { kind: 'not_found' };

/**
 * Changes a channel makes to what is stored: a customer's edit, a later part of an album, the
 * customer blocking or unblocking the bot. Each is one transaction with its stream event.
 */
@Injectable()
export class InboundAmendmentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly aliases: MessageAliasesRepository,
    private readonly messages: MessagesRepository,
    private readonly conversations: ConversationsRepository,
    private readonly contacts: ContactsRepository,
    private readonly attachments: InboundAttachmentsService,
    private readonly events: EventLogService,
  ) {}

  /**
   * Applies an edit to the stored message; an older edit than the one stored changes nothing.
   * `not_found` when the original has not arrived: the caller stores the edited message instead.
   */
  applyEdit(inbox: InboxRow, event: EditEvent): Promise<AmendmentOutcome> {
    return this.ds.transaction(async (em) => {
      const message = await this.aliases.lockByExternalId(em, inbox.id, event.externalId);
      if (!message) return { kind: 'not_found' } as const;
      if (message.editedAt && message.editedAt >= event.editedAt)
        return { kind: 'duplicate', externalId: event.externalId } as const;
      await this.aliases.setContent(em, message.id, {
        text: event.message.text ?? null,
        editedAt: event.editedAt,
      });
      return this.announce(em, inbox, message);
    });
  }

  /**
   * A later part of an album already stored: its files join the message (and its caption, when
   * the message had no text). A part seen before is a duplicate.
   */
  async mergeAlbumPart(
    em: EntityManager,
    inbox: InboxRow,
    album: AmendableMessage,
    event: MessageEvent,
    prepared: PreparedAttachments,
  ): Promise<AmendmentOutcome> {
    const added = await this.aliases.addAlias(em, {
      accountId: inbox.accountId,
      inboxId: inbox.id,
      externalId: event.externalId,
      messageId: album.id,
    });
    if (!added) return { kind: 'duplicate', externalId: event.externalId };
    await this.aliases.setContent(em, album.id, {
      text: album.text ?? event.text ?? null,
      attachments: [...album.attachments, ...prepared.attachments],
    });
    await this.attachments.scheduleFetches(
      em,
      { accountId: inbox.accountId, inboxId: inbox.id, messageId: album.id },
      prepared.remote,
    );
    return this.announce(em, inbox, album);
  }

  /**
   * The customer can (no longer) be reached on this channel: recorded on their identity, shown in
   * the timeline of their latest conversation. Repeating the same state changes nothing.
   */
  applyReachability(inbox: InboxRow, event: ReachabilityEvent): Promise<AmendmentOutcome> {
    return this.ds.transaction(async (em) => {
      const reason = event.reachable ? null : event.reason;
      const identityId = await this.contacts.setReachability(
        em,
        inbox.id,
        event.externalId,
        reason,
      );
      if (!identityId) return { kind: 'duplicate', externalId: event.externalId } as const;
      const conv = await this.conversations.lockLatestOfIdentity(em, identityId);
      if (!conv) return { kind: 'not_found' } as const;
      const activity = await this.messages.insertActivity(em, conv, {
        type: event.reachable ? 'customer_reachable' : 'customer_unreachable',
        reason: event.reason,
      });
      const summary = await this.conversations.loadSummary(em, conv.id);
      await this.events.append(em, inbox.accountId, [
        {
          type: 'message.created',
          conversationId: conv.id,
          payload: { message: activity, conversation: summary },
        },
      ]);
      return { kind: 'updated', messageId: activity.id, conversationId: conv.id } as const;
    });
  }

  private async announce(
    em: EntityManager,
    inbox: InboxRow,
    message: AmendableMessage,
  ): Promise<AmendmentOutcome> {
    const dto = await this.messages.loadDto(em, message.id);
    await this.events.append(em, inbox.accountId, [
      {
        type: 'message.updated',
        conversationId: message.conversationId,
        payload: { message: dto },
      },
    ]);
    return { kind: 'updated', messageId: message.id, conversationId: message.conversationId };
  }
}

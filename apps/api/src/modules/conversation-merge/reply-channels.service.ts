import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConversationLinksDto, ReplyChannelDto } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException, notFound } from '../../core/http/app.exception';
import type { ConversationViewer } from '../access/conversation-viewer';
import { ConversationsRepository } from '../conversations/conversations.repository';
import type { ConversationEntity } from '../conversations/entities/conversation.entity';
import {
  ReplyChannelsRepository,
  type ConversationChannels,
  type ReplyChannelRow,
} from './reply-channels.repository';

/** Where one reply goes: the inbox it travels through and, if not the conversation's own, the identity. */
export interface ReplyRoute {
  inboxId: string;
  recipientIdentityId: string | null;
}

const toDto = (r: ReplyChannelRow): ReplyChannelDto => ({
  identityId: r.identity_id,
  inboxId: r.inbox_id,
  inboxName: r.inbox_name,
  channel: r.channel,
  handle: r.handle,
});

/**
 * "Reply via": a conversation that absorbed another (a merge) may hold customer messages from
 * several channels; the operator picks which one a reply goes out on, and by default it is the
 * channel of the latest customer message.
 */
@Injectable()
export class ReplyChannelsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly conversations: ConversationsRepository,
    private readonly channels: ReplyChannelsRepository,
  ) {}

  /** `GET /api/conversations/:id/links`: the merge pointer and the channels a reply can take. */
  async links(op: AuthenticatedOperator, id: string): Promise<ConversationLinksDto> {
    const em = this.ds.manager;
    const conv = await this.channels.findConversation(em, op, id);
    if (!conv) throw notFound('Conversation');
    const target = conv.mergedIntoId
      ? await this.conversations.findNumberAndSubject(conv.mergedIntoId)
      : null;
    const channels = await this.channels.list(em, op, conv);
    const fallback = await this.defaultRoute(em, op, conv);
    return {
      mergedInto:
        conv.mergedIntoId && target ? { id: conv.mergedIntoId, number: target.number } : null,
      replyChannels: channels.map(toDto),
      defaultIdentityId: fallback?.identity_id ?? conv.identityId,
    };
  }

  /**
   * The route of a reply being sent, inside the send's transaction (the conversation is locked).
   * A requested identity must be the conversation's customer's (or that of a conversation merged
   * into it), in an inbox the operator may work (else 400); without one, the channel of the latest customer message once the
   * conversation holds several, else the conversation's own.
   */
  async routeFor(
    em: EntityManager,
    op: ConversationViewer,
    conv: ConversationEntity,
    requested: { identityId?: string; isNote: boolean; isTemplate: boolean },
  ): Promise<ReplyRoute> {
    const own: ReplyRoute = { inboxId: conv.inboxId, recipientIdentityId: null };
    if (requested.identityId === undefined) {
      // A note stays inside; a template belongs to the conversation's own inbox.
      if (requested.isNote || requested.isTemplate) return own;
      const fallback = await this.defaultRoute(em, op, conv);
      return fallback ? this.route(conv, fallback) : own;
    }
    if (requested.isNote)
      throw new AppException('VALIDATION_FAILED', 'identityId: a note is not sent to anyone');
    const chosen = await this.channels.findUsable(em, op, conv, requested.identityId);
    if (!chosen)
      throw new AppException(
        'VALIDATION_FAILED',
        "identityId: not one of this customer's channels that you may reply through",
      );
    if (requested.isTemplate && chosen.inbox_id !== conv.inboxId)
      throw new AppException(
        'VALIDATION_FAILED',
        "identityId: a template is sent on the conversation's own channel",
      );
    return this.route(conv, chosen);
  }

  private route(conv: ConversationEntity, row: ReplyChannelRow): ReplyRoute {
    return row.identity_id === conv.identityId
      ? { inboxId: conv.inboxId, recipientIdentityId: null }
      : { inboxId: row.inbox_id, recipientIdentityId: row.identity_id };
  }

  /** The identity of the latest customer message's channel, when it is not the conversation's own. */
  private async defaultRoute(
    em: EntityManager,
    op: ConversationViewer,
    conv: ConversationChannels,
  ): Promise<ReplyChannelRow | null> {
    if (!(await this.channels.hasAbsorbed(em, conv.id))) return null;
    const inboxId = await this.channels.latestIncomingInbox(em, conv.id);
    if (!inboxId || inboxId === conv.inboxId) return null;
    return (await this.channels.findUsableInInbox(em, op, conv, inboxId)) ?? null;
  }
}

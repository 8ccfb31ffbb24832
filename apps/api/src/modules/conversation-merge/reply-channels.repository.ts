import { Injectable } from '@nestjs/common';
import type { ChannelKind } from '@switchboard/contracts';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { ConversationViewer } from '../access/conversation-viewer';
import { inboxAccessFilter } from '../access/inbox-access.repository';
import { ContactIdentityEntity } from '../contacts/entities/contact-identity.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { isUuid } from '../conversations/keyset-cursor';
import { MessageEntity } from '../messages/entities/message.entity';

export interface ReplyChannelRow {
  identity_id: string;
  inbox_id: string;
  inbox_name: string;
  channel: ChannelKind;
  handle: string | null;
}

/** The conversation as the reply-channel rules need it. */
export type ConversationChannels = Pick<
  ConversationEntity,
  'id' | 'accountId' | 'contactId' | 'identityId' | 'inboxId'
>;

/**
 * Where a reply can go: the identities of the conversation's customer in the inboxes the
 * conversation holds customer messages from (after a merge, more than one), in inboxes the
 * operator may work and that were not removed.
 */
@Injectable()
export class ReplyChannelsRepository {
  /** The usable channels, the conversation's own first. */
  async list(em: EntityManager, viewer: ConversationViewer, conv: ConversationChannels) {
    const rows = await this.usable(em, viewer, conv)
      .andWhere(
        (qb) =>
          `(ci.id = :ownIdentityId OR ci.inbox_id IN ${qb
            .subQuery()
            .select('DISTINCT m.inbox_id')
            .from(MessageEntity, 'm')
            .where(`m.conversation_id = :conversationId`)
            .andWhere(`m.direction = 'incoming' AND m.kind = 'message'`)
            .getQuery()})`,
      )
      .setParameters({ ownIdentityId: conv.identityId, conversationId: conv.id })
      .orderBy('i.name')
      .addOrderBy('ci.created_at')
      .getRawMany<ReplyChannelRow>();
    const own = rows.filter((r) => r.identity_id === conv.identityId);
    return [...own, ...rows.filter((r) => r.identity_id !== conv.identityId)];
  }

  /** A conversation the operator may see (their account, an inbox they may work); no lock. */
  findConversation(em: EntityManager, viewer: ConversationViewer, id: string) {
    if (!isUuid(id)) return Promise.resolve(null);
    const access = inboxAccessFilter(viewer, 'c.inbox_id');
    const q = em
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .where('c.id = :id AND c.accountId = :accountId', { id, accountId: viewer.accountId });
    if (access.clause) q.andWhere(access.clause, access.params);
    return q.getOne();
  }

  /** One identity of the customer, if the operator may reply through it. */
  findUsable(
    em: EntityManager,
    viewer: ConversationViewer,
    conv: ConversationChannels,
    identityId: string,
  ) {
    return this.usable(em, viewer, conv)
      .andWhere('ci.id = :identityId', { identityId })
      .getRawOne<ReplyChannelRow>();
  }

  /** The customer's most recently seen identity in an inbox, if the operator may reply through it. */
  findUsableInInbox(
    em: EntityManager,
    viewer: ConversationViewer,
    conv: ConversationChannels,
    inboxId: string,
  ) {
    return this.usable(em, viewer, conv)
      .andWhere('ci.inbox_id = :inboxId', { inboxId })
      .orderBy('ci.last_seen_at', 'DESC')
      .limit(1)
      .getRawOne<ReplyChannelRow>();
  }

  /** The inbox the newest customer message of the conversation came through. */
  async latestIncomingInbox(em: EntityManager, conversationId: string): Promise<string | null> {
    const row = await em
      .createQueryBuilder(MessageEntity, 'm')
      .select('m.inbox_id', 'inbox_id')
      .where(`m.conversation_id = :conversationId`, { conversationId })
      .andWhere(`m.direction = 'incoming' AND m.kind = 'message'`)
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(1)
      .getRawOne<{ inbox_id: string }>();
    return row?.inbox_id ?? null;
  }

  /** Whether another conversation was merged into this one (only then can it hold several channels). */
  hasAbsorbed(em: EntityManager, conversationId: string): Promise<boolean> {
    return em.getRepository(ConversationEntity).existsBy({ mergedIntoId: conversationId });
  }

  /** The customer's identities, and those of conversations merged into this one (the operator said they are one customer). */
  private usable(
    em: EntityManager,
    viewer: ConversationViewer,
    conv: Pick<ConversationChannels, 'id' | 'contactId'>,
  ): SelectQueryBuilder<ContactIdentityEntity> {
    const access = inboxAccessFilter(viewer, 'i.id');
    const q = em
      .createQueryBuilder(ContactIdentityEntity, 'ci')
      .innerJoin('ci.inbox', 'i')
      .select('ci.id', 'identity_id')
      .addSelect('ci.inbox_id', 'inbox_id')
      .addSelect('i.name', 'inbox_name')
      .addSelect('i.kind', 'channel')
      .addSelect('COALESCE(ci.username, ci.display_name, ci.external_id)', 'handle')
      .where('ci.account_id = :accountId', { accountId: viewer.accountId })
      .andWhere(
        (qb) =>
          `(ci.contact_id = :contactId OR ci.id IN ${qb
            .subQuery()
            .select('x.identity_id')
            .from(ConversationEntity, 'x')
            .where('x.merged_into_id = :absorbingId')
            .getQuery()})`,
        { contactId: conv.contactId, absorbingId: conv.id },
      )
      .andWhere('i.removed_at IS NULL');
    if (access.clause) q.andWhere(access.clause, access.params);
    return q;
  }
}

import { Injectable } from '@nestjs/common';
import type { AttachmentDto } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { MessageEntity } from '../messages/entities/message.entity';
import { MessageExternalAliasEntity } from './entities/message-external-alias.entity';

/** A stored customer message as an edit or a later album part needs it, under its row lock. */
export interface AmendableMessage {
  id: string;
  conversationId: string;
  text: string | null;
  attachments: AttachmentDto[];
  editedAt: Date | null;
}

/**
 * Provider ids that name a stored incoming message besides its own `external_id` (album parts
 * and album keys), and the changes a channel makes to a message after it was stored.
 */
@Injectable()
export class MessageAliasesRepository {
  /** The incoming message a provider id names, by its own id or an alias, locked; null if none. */
  async lockByExternalId(
    em: EntityManager,
    inboxId: string,
    externalId: string,
  ): Promise<AmendableMessage | null> {
    const alias = await em
      .getRepository(MessageExternalAliasEntity)
      .findOneBy({ inboxId, externalId });
    const q = em
      .createQueryBuilder(MessageEntity, 'm')
      .select(['m.id', 'm.conversationId', 'm.text', 'm.attachments', 'm.editedAt'])
      .setLock('pessimistic_write');
    const row = alias
      ? await q.where('m.id = :id', { id: alias.messageId }).getOne()
      : await q
          .where('m.inbox_id = :inboxId AND m.external_id = :externalId', { inboxId, externalId })
          .andWhere(`m.direction = 'incoming'`)
          .getOne();
    return row ? toAmendable(row) : null;
  }

  /** A stored message by our id, locked. */
  async lockById(em: EntityManager, id: string): Promise<AmendableMessage | null> {
    const row = await em
      .createQueryBuilder(MessageEntity, 'm')
      .select(['m.id', 'm.conversationId', 'm.text', 'm.attachments', 'm.editedAt'])
      .where('m.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    return row ? toAmendable(row) : null;
  }

  /** One entry of a message's attachments (no lock: to name a file being fetched). */
  async attachmentOf(
    em: EntityManager,
    messageId: string,
    attachmentId: string,
  ): Promise<AttachmentDto | null> {
    const row = await em
      .getRepository(MessageEntity)
      .findOne({ where: { id: messageId }, select: { id: true, attachments: true } });
    return row?.attachments?.find((a) => a.id === attachmentId) ?? null;
  }

  /** Our id of the message a provider id names in this inbox, either direction (a quoted message). */
  async messageIdOf(
    em: EntityManager,
    inboxId: string,
    externalId: string,
  ): Promise<string | null> {
    const alias = await em
      .getRepository(MessageExternalAliasEntity)
      .findOneBy({ inboxId, externalId });
    if (alias) return alias.messageId;
    const row = await em
      .getRepository(MessageEntity)
      .findOne({ where: { inboxId, externalId }, select: { id: true } });
    return row?.id ?? null;
  }

  /** Whether a provider id is taken already, as a message's own id or an alias. */
  async isKnown(em: EntityManager, inboxId: string, externalId: string): Promise<boolean> {
    const alias = await em
      .getRepository(MessageExternalAliasEntity)
      .existsBy({ inboxId, externalId });
    if (alias) return true;
    return em.getRepository(MessageEntity).existsBy({ inboxId, externalId, direction: 'incoming' });
  }

  /** Names a message by another id; false when the id names something already (a race, a redelivery). */
  async addAlias(
    em: EntityManager,
    alias: { accountId: string; inboxId: string; externalId: string; messageId: string },
  ): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(MessageExternalAliasEntity)
      .values(alias)
      .orIgnore()
      .returning('message_id')
      .updateEntity(false)
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async setContent(
    em: EntityManager,
    id: string,
    change: { text?: string | null; attachments?: AttachmentDto[]; editedAt?: Date | null },
  ): Promise<void> {
    const set: Partial<Pick<MessageEntity, 'text' | 'attachments' | 'editedAt'>> = {};
    if (change.text !== undefined) set.text = change.text;
    if (change.attachments !== undefined) set.attachments = change.attachments;
    if (change.editedAt !== undefined) set.editedAt = change.editedAt;
    await em
      .createQueryBuilder()
      .update(MessageEntity)
      // jsonb columns take their JSON text.
      .set({ ...set, ...(set.attachments ? { attachments: () => ':attachments::jsonb' } : {}) })
      .setParameter('attachments', JSON.stringify(set.attachments ?? []))
      .where('id = :id', { id })
      .execute();
  }
}

function toAmendable(row: MessageEntity): AmendableMessage {
  return {
    id: row.id,
    conversationId: row.conversationId,
    text: row.text,
    attachments: row.attachments ?? [],
    editedAt: row.editedAt,
  };
}

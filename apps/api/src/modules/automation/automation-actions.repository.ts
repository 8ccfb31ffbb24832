import { Injectable } from '@nestjs/common';
import type { ConversationStatus } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { CannedReplyEntity } from '../canned-replies/entities/canned-reply.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';

/** The writes a rule's actions make that no operator-side repository offers (no operator acts). */
@Injectable()
export class AutomationActionsRepository {
  /** Close, reopen or snooze by a rule: nobody "snoozed it", so nobody is told when it wakes. */
  async setStatus(
    em: EntityManager,
    id: string,
    to: ConversationStatus,
    snoozedUntil: Date | null,
  ): Promise<void> {
    await em
      .createQueryBuilder()
      .update(ConversationEntity)
      .set({
        status: to,
        snoozedUntil,
        snoozedById: null,
        ...(to === 'closed' ? { closedAt: () => 'now()' } : {}),
      })
      .where('id = :id', { id })
      .execute();
  }

  /**
   * A note, or a reply to the customer (pending, for the delivery job), written by a rule: a
   * system message. A rule's reply moves the feed row but is no operator's answer: the first
   * reply time and "waiting for us" stay, so SLAs and no-reply rules still see the customer waiting.
   */
  async insertMessage(
    em: EntityManager,
    m: {
      accountId: string;
      conversationId: string;
      inboxId: string;
      kind: 'note' | 'message';
      text: string;
    },
  ): Promise<string> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(MessageEntity)
      .values({
        ...m,
        direction: 'outgoing',
        senderType: 'system',
        deliveryStatus: m.kind === 'note' ? null : 'pending',
      })
      .returning('id')
      .updateEntity(false)
      .execute();
    const id = (result.raw as { id: string }[])[0]!.id;
    if (m.kind === 'message')
      await em
        .createQueryBuilder()
        .update(ConversationEntity)
        .set({ lastActivityAt: () => 'now()' })
        .where('id = :id', { id: m.conversationId })
        .execute();
    return id;
  }

  cannedReply(em: EntityManager, accountId: string, id: string) {
    return em
      .getRepository(CannedReplyEntity)
      .findOne({ select: { id: true, title: true, body: true }, where: { id, accountId } });
  }

  operatorName(em: EntityManager, id: string): Promise<string | null> {
    return em
      .getRepository(OperatorEntity)
      .findOne({ select: { name: true }, where: { id } })
      .then((o) => o?.name ?? null);
  }

  /** Active operators of the account among `ids`, with names, and an operator's presence. */
  activeOperators(em: EntityManager, accountId: string, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return em
      .getRepository(OperatorEntity)
      .createQueryBuilder('o')
      .select(['o.id', 'o.name'])
      .where('o.accountId = :accountId AND o.id IN (:...ids) AND o.deactivatedAt IS NULL', {
        accountId,
        ids,
      })
      .getMany();
  }

  /** Whether the conversation's newest customer message was automatic mail. */
  async newestIncomingAutomated(em: EntityManager, conversationId: string): Promise<boolean> {
    const m = await em.getRepository(MessageEntity).findOne({
      select: { automated: true },
      where: { conversationId, direction: 'incoming', kind: 'message' },
      order: { createdAt: 'DESC' },
    });
    return m?.automated ?? false;
  }
}

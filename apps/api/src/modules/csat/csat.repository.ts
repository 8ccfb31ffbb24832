import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OutboundButton } from '@switchboard/channels-core';
import type { CsatScale } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { ContactIdentityEntity } from '../contacts/entities/contact-identity.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { InboxEntity } from '../inboxes/entities/inbox.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import { CsatResponseEntity } from './entities/csat-response.entity';
import { CsatSettingsEntity } from './entities/csat-settings.entity';
import { CsatSurveyEntity } from './entities/csat-survey.entity';

/** A survey with what sending it and judging answers need of its conversation. */
export interface SurveyTarget {
  conversation: ConversationEntity;
  channel: InboxEntity['kind'];
  replyWindowHours: number | null;
  identityExternalId: string;
}

/** Surveys, their answers and the inbox settings: every query of the CSAT module. */
@Injectable()
export class CsatRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  settings(inboxId: string, em: EntityManager = this.ds.manager) {
    return em.getRepository(CsatSettingsEntity).findOneBy({ inboxId });
  }

  /** Whether any inbox of the account sends surveys (the close consumer's idle check). */
  surveysEnabled(em: EntityManager, accountId: string): Promise<boolean> {
    return em.getRepository(CsatSettingsEntity).exists({ where: { accountId, enabled: true } });
  }

  async saveSettings(
    row: Pick<
      CsatSettingsEntity,
      | 'accountId'
      | 'inboxId'
      | 'enabled'
      | 'delayMinutes'
      | 'question'
      | 'scale'
      | 'commentEnabled'
      | 'quietDays'
    >,
    em: EntityManager = this.ds.manager,
  ): Promise<CsatSettingsEntity> {
    await em.getRepository(CsatSettingsEntity).upsert(row, ['inboxId']);
    return (await this.settings(row.inboxId, em))!;
  }

  inboxOfAccount(accountId: string, inboxId: string) {
    return this.ds.getRepository(InboxEntity).findOne({
      select: { id: true, kind: true, accountId: true, name: true },
      where: { id: inboxId, accountId },
    });
  }

  /** Schedules the conversation's survey, or moves a scheduled one to its newest close. */
  async schedule(
    em: EntityManager,
    s: {
      accountId: string;
      conversationId: string;
      contactId: string;
      closedAt: Date;
      dueAt: Date;
    },
  ): Promise<void> {
    const inserted = await em
      .createQueryBuilder()
      .insert()
      .into(CsatSurveyEntity)
      .values({ ...s, state: 'scheduled' })
      .orIgnore()
      .returning('id')
      .updateEntity(false)
      .execute();
    if ((inserted.raw as unknown[]).length > 0) return;
    await em
      .createQueryBuilder()
      .update(CsatSurveyEntity)
      .set({ closedAt: s.closedAt, dueAt: s.dueAt })
      .where(`conversation_id = :id AND state = 'scheduled'`, { id: s.conversationId })
      .execute();
  }

  /** The oldest due survey, locked; others instances skip it. */
  claimDue(em: EntityManager) {
    return em
      .getRepository(CsatSurveyEntity)
      .createQueryBuilder('s')
      .where(`s.state = 'scheduled' AND s.dueAt <= now()`)
      .orderBy('s.dueAt', 'ASC')
      .limit(1)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getOne();
  }

  /** The survey's conversation (locked), its channel and the customer's identity on it. */
  async lockTarget(em: EntityManager, survey: CsatSurveyEntity): Promise<SurveyTarget | null> {
    const conversation = await em
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .where('c.id = :id', { id: survey.conversationId })
      .setLock('pessimistic_write')
      .getOne();
    if (!conversation) return null;
    const row = await em
      .createQueryBuilder(InboxEntity, 'i')
      .innerJoin(ContactIdentityEntity, 'ci', 'ci.id = :identityId', {
        identityId: conversation.identityId,
      })
      .select('i.kind', 'kind')
      .addSelect('i.reply_window_hours', 'reply_window_hours')
      .addSelect('ci.external_id', 'external_id')
      .where('i.id = :inboxId', { inboxId: conversation.inboxId })
      .getRawOne<{
        kind: InboxEntity['kind'];
        reply_window_hours: number | null;
        external_id: string;
      }>();
    if (!row) return null;
    return {
      conversation,
      channel: row.kind,
      replyWindowHours: row.reply_window_hours,
      identityExternalId: row.external_id,
    };
  }

  /** Whether the customer's newest message was written by a machine (auto-replies, bounces). */
  async newestIncomingAutomated(
    em: EntityManager,
    conversationId: string,
  ): Promise<boolean | null> {
    const row = await em.getRepository(MessageEntity).findOne({
      select: { id: true, automated: true },
      where: { conversationId, direction: 'incoming', kind: 'message' },
      order: { createdAt: 'DESC' },
    });
    return row ? row.automated : null;
  }

  /** Whether another survey went to this customer since `since`. */
  surveyedSince(em: EntityManager, contactId: string, since: Date, exceptId: string) {
    return em
      .getRepository(CsatSurveyEntity)
      .createQueryBuilder('s')
      .where('s.contactId = :contactId AND s.sentAt >= :since AND s.id <> :exceptId', {
        contactId,
        since,
        exceptId,
      })
      .getExists();
  }

  async update(
    em: EntityManager,
    id: string,
    set: Partial<Pick<CsatSurveyEntity, 'state' | 'skipReason' | 'closedAt' | 'dueAt'>>,
  ): Promise<void> {
    await em.getRepository(CsatSurveyEntity).update({ id }, set);
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await em.getRepository(CsatSurveyEntity).delete({ id });
  }

  /** The survey as an automatic outgoing message, pending, for the delivery worker. */
  async insertSurveyMessage(
    em: EntityManager,
    m: { accountId: string; conversationId: string; inboxId: string; text: string },
  ): Promise<string> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(MessageEntity)
      .values({
        ...m,
        direction: 'outgoing',
        kind: 'message',
        senderType: 'system',
        deliveryStatus: 'pending',
      })
      .returning('id')
      .updateEntity(false)
      .execute();
    return (result.raw as { id: string }[])[0]!.id;
  }

  async markSent(
    em: EntityManager,
    id: string,
    s: {
      messageId: string;
      scale: CsatScale;
      question: string;
      commentEnabled: boolean;
      buttons: OutboundButton[][] | null;
    },
  ): Promise<void> {
    await em
      .getRepository(CsatSurveyEntity)
      .update({ id }, { ...s, state: 'sent', sentAt: () => 'now()' });
  }

  lockSurvey(em: EntityManager, id: string) {
    return em
      .getRepository(CsatSurveyEntity)
      .createQueryBuilder('s')
      .where('s.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async insertResponse(
    em: EntityManager,
    r: Pick<
      CsatResponseEntity,
      'accountId' | 'surveyId' | 'conversationId' | 'inboxId' | 'scale' | 'rating' | 'comment'
    >,
  ): Promise<void> {
    await em.getRepository(CsatResponseEntity).insert(r);
  }

  responseOf(surveyId: string, em: EntityManager = this.ds.manager) {
    return em.getRepository(CsatResponseEntity).findOneBy({ surveyId });
  }

  surveyOfConversation(conversationId: string) {
    return this.ds.getRepository(CsatSurveyEntity).findOneBy({ conversationId });
  }

  surveyById(id: string) {
    return this.ds.getRepository(CsatSurveyEntity).findOneBy({ id });
  }

  /** The visitor's sent or answered surveys on this web chat inbox, newest first. */
  visitorSurveys(inboxId: string, visitorKey: string) {
    return this.ds
      .getRepository(CsatSurveyEntity)
      .createQueryBuilder('s')
      .innerJoin(ConversationEntity, 'c', 'c.id = s.conversation_id')
      .innerJoin(ContactIdentityEntity, 'ci', 'ci.id = c.identity_id')
      .where(`c.inbox_id = :inboxId AND ci.external_id = :visitorKey`, { inboxId, visitorKey })
      .andWhere(`s.state IN ('sent', 'answered')`)
      .orderBy('s.sentAt', 'DESC')
      .limit(20)
      .getMany();
  }

  responsesOf(surveyIds: string[]) {
    if (surveyIds.length === 0) return Promise.resolve([]);
    return this.ds
      .getRepository(CsatResponseEntity)
      .createQueryBuilder('r')
      .where('r.surveyId IN (:...surveyIds)', { surveyIds })
      .getMany();
  }
}

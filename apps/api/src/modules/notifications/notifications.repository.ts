import { Injectable } from '@nestjs/common';
import type { NotificationDto } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { InboxMemberEntity } from '../inboxes/entities/inbox-member.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';
import { NotificationEntity } from './entities/notification.entity';

/** Stored notifications, and who should receive them. */
@Injectable()
export class NotificationsRepository {
  /** One notification per operator; returns them as stored. */
  async insertForOperators(
    em: EntityManager,
    accountId: string,
    operatorIds: string[],
    type: NotificationDto['type'],
    conversationId: string,
  ): Promise<{ id: string; operator_id: string; created_at: Date }[]> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values(operatorIds.map((operatorId) => ({ accountId, operatorId, type, conversationId })))
      .returning('id, operator_id, created_at')
      .updateEntity(false)
      .execute();
    return result.raw as { id: string; operator_id: string; created_at: Date }[];
  }

  async inboxMemberIds(em: EntityManager, inboxId: string): Promise<string[]> {
    const rows = await em
      .getRepository(InboxMemberEntity)
      .find({ select: { operatorId: true }, where: { inboxId } });
    return rows.map((r) => r.operatorId);
  }

  async accountOperatorIds(em: EntityManager, accountId: string): Promise<string[]> {
    const rows = await em
      .getRepository(OperatorEntity)
      .find({ select: { id: true }, where: { accountId } });
    return rows.map((r) => r.id);
  }
}

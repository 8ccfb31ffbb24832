import type { DataSource } from 'typeorm';
import { ConversationEntity } from '../../conversations/entities/conversation.entity';
import { SlaTargetEntity } from '../entities/sla-target.entity';

/** Reads the SLA tests check the database with. */
export function slaTestReads(ds: () => DataSource) {
  return {
    /** The conversation of an API-channel customer, by the customer's external id. */
    conversationOf: (externalId: string) =>
      ds()
        .getRepository(ConversationEntity)
        .createQueryBuilder('c')
        .innerJoin('c.identity', 'ci')
        .where('ci.external_id = :externalId', { externalId })
        .getOneOrFail(),
    /** A conversation's SLA target rows. */
    targets: (conversationId: string) =>
      ds().getRepository(SlaTargetEntity).find({ where: { conversationId } }),
  };
}

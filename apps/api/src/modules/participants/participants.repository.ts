import { Injectable } from '@nestjs/common';
import type { ConversationSummaryDto, ParticipationReason } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { ConversationParticipantEntity } from './entities/conversation-participant.entity';

/** Who takes part in a conversation, and the customer-message notifications they get. */
@Injectable()
export class ParticipantsRepository {
  /** Adds the operator once; a later reason does not replace the first. */
  async add(
    em: EntityManager,
    row: {
      accountId: string;
      conversationId: string;
      operatorId: string;
      reason: ParticipationReason;
    },
  ): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(ConversationParticipantEntity)
      .values(row)
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  /** True when the operator was a participant. */
  async remove(em: EntityManager, conversationId: string, operatorId: string): Promise<boolean> {
    const result = await em
      .getRepository(ConversationParticipantEntity)
      .delete({ conversationId, operatorId });
    return (result.affected ?? 0) > 0;
  }

  list(em: EntityManager, conversationId: string) {
    return em.getRepository(ConversationParticipantEntity).find({
      where: { conversationId },
      order: { createdAt: 'ASC', operatorId: 'ASC' },
    });
  }

  /**
   * One `customer_message` notification for the assignee and each participant (deduplicated,
   * active operators only, none of `except`) and their `notification.created` events, in the caller's transaction.
   */
  async notifyCustomerMessage(
    em: EntityManager,
    accountId: string,
    conversation: ConversationSummaryDto,
    except: string[],
  ): Promise<void> {
    // raw SQL: sb_notify_customer_message is the single INSERT ... SELECT the ingest function uses
    // too (see migration 1797100000000), so both inbound paths notify the same people.
    await em.query('SELECT sb_notify_customer_message($1::uuid, $2::uuid, $3::jsonb, $4::uuid[])', [
      accountId,
      conversation.id,
      JSON.stringify(conversation),
      except,
    ]);
  }
}

import { Injectable } from '@nestjs/common';
import type {
  BusinessHours,
  ChannelKind,
  ConversationPriority,
  ConversationStatus,
} from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { ContactIdentityEntity } from '../contacts/entities/contact-identity.entity';
import { ContactEntity } from '../contacts/entities/contact.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { InboxEntity } from '../inboxes/entities/inbox.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import { ConversationTagEntity } from '../tags/entities/conversation-tag.entity';
import { TagEntity } from '../tags/entities/tag.entity';
import type { RuleConversation, RuleMessage } from './engine/rule-context';

interface ContextRow {
  id: string;
  account_id: string;
  number: number;
  inbox_id: string;
  channel: ChannelKind;
  status: ConversationStatus;
  priority: ConversationPriority;
  assignee_id: string | null;
  assignee_team_id: string | null;
  merged_into_id: string | null;
  contact_name: string | null;
  attributes: Record<string, string | number | boolean> | null;
  language: string | null;
  business_hours: BusinessHours | null;
}

/** What a rule sees of a conversation, read inside the engine's transaction. */
@Injectable()
export class AutomationContextRepository {
  /**
   * The conversation locked for the rest of the transaction (every rule and action after this
   * sees and changes one state), with its inbox, contact, identity and tags; null if it is gone.
   */
  async lockConversation(
    em: EntityManager,
    accountId: string,
    id: string,
  ): Promise<
    (Omit<RuleConversation, 'insideBusinessHours'> & { businessHours: BusinessHours | null }) | null
  > {
    const locked = await em
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .select('c.id')
      .where('c.id = :id AND c.accountId = :accountId', { id, accountId })
      .setLock('pessimistic_write')
      .getOne();
    if (!locked) return null;
    const q = em
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .innerJoin(InboxEntity, 'i', 'i.id = c.inboxId')
      .innerJoin(ContactEntity, 'ct', 'ct.id = c.contactId')
      .leftJoin(ContactIdentityEntity, 'ci', 'ci.id = c.identityId')
      .select([
        'c.id AS id',
        'c.account_id AS account_id',
        'c.number AS number',
        'c.inbox_id AS inbox_id',
        'i.kind AS channel',
        'c.status AS status',
        'c.assignee_id AS assignee_id',
        'c.assignee_team_id AS assignee_team_id',
        'c.merged_into_id AS merged_into_id',
        'ct.name AS contact_name',
        'ct.attributes AS attributes',
        'ci.language AS language',
        'c.priority AS priority',
        'i.business_hours AS business_hours',
      ])
      .where('c.id = :id', { id });
    const row = await q.getRawOne<ContextRow>();
    if (!row) return null;
    const tags = await em
      .getRepository(ConversationTagEntity)
      .createQueryBuilder('ct')
      .innerJoin(TagEntity, 't', 't.id = ct.tagId')
      .select('t.name_key', 'key')
      .where('ct.conversationId = :id', { id })
      .getRawMany<{ key: string }>();
    return {
      id: row.id,
      accountId: row.account_id,
      number: row.number,
      inboxId: row.inbox_id,
      channel: row.channel,
      status: row.status,
      priority: row.priority,
      assigneeId: row.assignee_id,
      teamId: row.assignee_team_id,
      tagKeys: tags.map((t) => t.key),
      contactName: row.contact_name,
      contactAttributes: row.attributes ?? {},
      language: row.language,
      mergedIntoId: row.merged_into_id,
      businessHours: row.business_hours,
    };
  }

  async message(em: EntityManager, id: string): Promise<RuleMessage | null> {
    const m = await em.getRepository(MessageEntity).findOne({
      select: { id: true, text: true, automated: true, direction: true },
      where: { id },
    });
    return m && { id: m.id, text: m.text, automated: m.automated, direction: m.direction };
  }

  /** The customer's newest message in the conversation (what a dry run tests words against). */
  async newestIncoming(em: EntityManager, conversationId: string): Promise<RuleMessage | null> {
    const m = await em.getRepository(MessageEntity).findOne({
      select: { id: true, text: true, automated: true, direction: true },
      where: { conversationId, direction: 'incoming', kind: 'message' },
      order: { createdAt: 'DESC' },
    });
    return m && { id: m.id, text: m.text, automated: m.automated, direction: m.direction };
  }
}

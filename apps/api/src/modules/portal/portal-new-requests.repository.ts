import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ContactIdentityEntity } from '../contacts/entities/contact-identity.entity';
import { ContactEntity } from '../contacts/entities/contact.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessageEntity } from '../messages/entities/message.entity';

/** As which of the customer's identities a request opened in the portal is filed. */
@Injectable()
export class PortalNewRequestsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The first of the contacts with an address on their card (the one that signed in). */
  async contactWithEmail(
    contactIds: string[],
  ): Promise<{ id: string; email: string; name: string | null } | null> {
    if (contactIds.length === 0) return null;
    const contact = await this.ds
      .getRepository(ContactEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.email', 'c.name'])
      .where('c.id IN (:...contactIds) AND c.email IS NOT NULL', { contactIds })
      .orderBy('c.created_at', 'ASC')
      .getOne();
    return contact?.email ? { id: contact.id, email: contact.email, name: contact.name } : null;
  }

  /** Messages these contacts sent from the portal (replies and new requests) after `since`. */
  portalMessagesSince(contactIds: string[], since: Date): Promise<number> {
    if (contactIds.length === 0) return Promise.resolve(0);
    return this.ds
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .innerJoin(ConversationEntity, 'c', 'c.id = m.conversation_id')
      .where('c.contact_id IN (:...contactIds)', { contactIds })
      .andWhere("m.direction = 'incoming' AND m.external_id LIKE 'portal:%'")
      .andWhere('m.created_at > :since', { since })
      .getCount();
  }

  /**
   * Makes sure the contact has this identity in the inbox, so the pipeline files the request
   * under them rather than opening a new card. An identity that exists already is kept as is.
   */
  async ensureIdentity(
    accountId: string,
    contactId: string,
    inboxId: string,
    externalId: string,
  ): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(ContactIdentityEntity)
      .values({ accountId, contactId, inboxId, externalId })
      .orIgnore()
      .updateEntity(false)
      .execute();
  }
}

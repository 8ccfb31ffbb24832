import { randomUUID } from 'node:crypto';
import type { TestApi } from '@switchboard/testing';
import type { DataSource } from 'typeorm';
import { InboundPipelineService } from '../../../channels/inbound-pipeline.service';
import { ConversationEntity } from '../../../conversations/entities/conversation.entity';
import { InboxEntity } from '../../../inboxes/entities/inbox.entity';
import { MessageEntity } from '../../../messages/entities/message.entity';
import { ContactIdentityEntity } from '../../entities/contact-identity.entity';
import { ContactEntity } from '../../entities/contact.entity';

/**
 * An email inbox row for tests that feed mail through the pipeline the way the IMAP sync does
 * (sender id and email are the From address), without a mail server. Its IMAP settings point at
 * a closed port, so the background sync fails quietly and fetches nothing.
 */
export async function insertEmailInbox(api: TestApi, accountId: string): Promise<string> {
  const result = await api.dataSource
    .createQueryBuilder()
    .insert()
    .into(InboxEntity)
    .values({
      accountId,
      kind: 'email',
      name: 'Support mail',
      settings: {
        fromAddress: 'support@example.test',
        imap: { host: '127.0.0.1', port: 1, security: 'none', user: 'support@example.test' },
        smtp: { host: '127.0.0.1', port: 1, security: 'none', user: 'support@example.test' },
      },
    })
    .returning('id')
    .updateEntity(false)
    .execute();
  return (result.raw as { id: string }[])[0]!.id;
}

/** A customer's mail as the email channel hands it to the pipeline. */
export async function mailFrom(
  api: TestApi,
  inboxId: string,
  from: { email: string; name: string },
  text: string,
  subject = 'Question',
): Promise<string> {
  const [outcome] = await api.app.get(InboundPipelineService).ingest(inboxId, [
    {
      type: 'message',
      externalId: `<${randomUUID()}@customer.example>`,
      sender: { externalId: from.email, email: from.email, name: from.name },
      text,
      subject,
      thread: { conversationToken: null, references: [], continueLatest: false },
      sentAt: new Date(),
    },
  ]);
  if (outcome?.kind !== 'stored') throw new Error(`mail not stored: ${JSON.stringify(outcome)}`);
  return outcome.conversationId;
}

export async function contactOfConversation(ds: DataSource, id: string): Promise<string> {
  const c = await ds.getRepository(ConversationEntity).findOneByOrFail({ id });
  return c.contactId;
}

/**
 * Everything a merge may touch for these contacts, in a comparable form: the cards' values, who
 * owns each identity and conversation, and each customer message's sender. Activities are left
 * out (a merge and its undo add some; they are history, not state).
 */
export async function stateOf(ds: DataSource, contactIds: string[]) {
  const contacts = await ds.getRepository(ContactEntity).find({
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      notes: true,
      attributes: true,
      mergedIntoId: true,
    },
    where: contactIds.map((id) => ({ id })),
    order: { id: 'ASC' },
  });
  const identities = await ds
    .getRepository(ContactIdentityEntity)
    .createQueryBuilder('ci')
    .select(['ci.id', 'ci.contactId'])
    .where('ci.contact_id IN (:...contactIds)', { contactIds })
    .orderBy('ci.id')
    .getMany();
  const conversations = await ds
    .getRepository(ConversationEntity)
    .createQueryBuilder('c')
    .select(['c.id', 'c.contactId', 'c.identityId'])
    .where('c.contact_id IN (:...contactIds)', { contactIds })
    .orderBy('c.id')
    .getMany();
  const messages = await ds
    .getRepository(MessageEntity)
    .createQueryBuilder('m')
    .select(['m.id', 'm.senderContactId', 'm.conversationId'])
    .where('m.conversation_id IN (:...ids)', {
      ids: conversations.length ? conversations.map((c) => c.id) : [randomUUID()],
    })
    .andWhere(`m.kind <> 'activity'`)
    .orderBy('m.id')
    .getMany();
  return { contacts, identities, conversations, messages };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, ObjectLiteral, UpdateQueryBuilder } from 'typeorm';
import type { ConversationViewer } from '../../access/conversation-viewer';
import { ConversationEntity } from '../../conversations/entities/conversation.entity';
import { MessageEntity } from '../../messages/entities/message.entity';
import { OperatorEntity } from '../../operators/entities/operator.entity';
import { TaskEntity } from '../../tasks/entities/task.entity';
import { contactVisibleClause } from '../contact-directory.repository';
import { ContactIdentityEntity } from '../entities/contact-identity.entity';
import { ContactEntity } from '../entities/contact.entity';
import type { ContactFieldValues } from './contact-merge-snapshot';
import { ContactMergeEntity } from './entities/contact-merge.entity';

export type MergeContactRow = ContactFieldValues & { id: string; mergedIntoId: string | null };

export interface MergeListRow {
  id: string;
  survivor_id: string;
  survivor_name: string | null;
  survivor_merged_into_id: string | null;
  other_id: string;
  other_name: string | null;
  merged_by_id: string | null;
  merged_by_name: string | null;
  identity_count: number;
  conversation_count: number;
  created_at: Date;
  undone_at: Date | null;
  undone_by_id: string | null;
  undone_by_name: string | null;
}

const CONTACT_COLUMNS = [
  'ct.id',
  'ct.name',
  'ct.email',
  'ct.phone',
  'ct.notes',
  'ct.attributes',
  'ct.mergedIntoId',
];

/**
 * The writes of a contact merge and its undo. Locks are always taken in one order (identities,
 * then contacts, then tasks, then conversations, each by id), the order the inbound path takes
 * them too (identity, contact, conversation) and the tasks module's (task, conversations), so
 * merges crossing each other, a customer's message or a task change wait instead of deadlocking.
 */
@Injectable()
export class ContactMergeRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * The contacts among `ids` the viewer may see: their account's, and for an agent only those
   * with no identity or one in an inbox they may work (the Contacts screen's rule). Others are
   * simply absent.
   */
  async findContacts(
    viewer: ConversationViewer,
    ids: string[],
    em: EntityManager = this.ds.manager,
  ): Promise<MergeContactRow[]> {
    const q = em
      .createQueryBuilder(ContactEntity, 'ct')
      .select(CONTACT_COLUMNS)
      .where('ct.id IN (:...ids) AND ct.account_id = :accountId', {
        ids,
        accountId: viewer.accountId,
      });
    if (viewer.role !== 'admin') q.andWhere(contactVisibleClause(), { viewerId: viewer.id });
    return (await q.getMany()).map(toContactRow);
  }

  /** Locks the identities of these contacts, by id. */
  async lockIdentitiesOf(em: EntityManager, contactIds: string[]): Promise<void> {
    await em
      .createQueryBuilder(ContactIdentityEntity, 'ci')
      .select('ci.id', 'id')
      .where('ci.contact_id IN (:...contactIds)', { contactIds })
      .orderBy('ci.id')
      .setLock('pessimistic_write')
      .getRawMany();
  }

  /** Locks the account's contacts among `ids`, by id, and reads them. */
  async lockContacts(em: EntityManager, accountId: string, ids: string[]) {
    const rows = await em
      .createQueryBuilder(ContactEntity, 'ct')
      .select(CONTACT_COLUMNS)
      .where('ct.id IN (:...ids) AND ct.account_id = :accountId', { ids, accountId })
      .orderBy('ct.id')
      .setLock('pessimistic_write')
      .getMany();
    return rows.map(toContactRow);
  }

  /** Locks the conversations of these contacts, by id; their ids. */
  async lockConversationsOf(em: EntityManager, contactIds: string[]): Promise<string[]> {
    const rows = await em
      .createQueryBuilder(ConversationEntity, 'c')
      .select('c.id', 'id')
      .where('c.contact_id IN (:...contactIds)', { contactIds })
      .orderBy('c.id')
      .setLock('pessimistic_write')
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** Every identity of `from` now belongs to `to`; the ids moved. */
  moveIdentities(em: EntityManager, from: string, to: string): Promise<string[]> {
    return returningIds(
      em
        .createQueryBuilder()
        .update(ContactIdentityEntity)
        .set({ contactId: to })
        .where('contact_id = :from', { from }),
    );
  }

  /** Every conversation of `from` now belongs to `to`; the ids moved. */
  moveConversations(em: EntityManager, from: string, to: string): Promise<string[]> {
    return returningIds(
      em
        .createQueryBuilder()
        .update(ConversationEntity)
        .set({ contactId: to })
        .where('contact_id = :from', { from }),
    );
  }

  /** The customer messages of `from` in these conversations are now `to`'s; their ids. */
  async moveMessageSenders(
    em: EntityManager,
    conversationIds: string[],
    from: string,
    to: string,
  ): Promise<string[]> {
    if (conversationIds.length === 0) return [];
    return returningIds(
      em
        .createQueryBuilder()
        .update(MessageEntity)
        .set({ senderContactId: to })
        .where('conversation_id = ANY(CAST(:conversationIds AS uuid[]))', { conversationIds })
        .andWhere('sender_contact_id = :from', { from }),
    );
  }

  /** Tasks linked to `from` are now linked to `to`; their ids. */
  moveTasks(em: EntityManager, from: string, to: string): Promise<string[]> {
    return returningIds(
      em
        .createQueryBuilder()
        .update(TaskEntity)
        .set({ contactId: to })
        .where('contact_id = :from', { from }),
    );
  }

  async writeFields(em: EntityManager, id: string, values: Partial<ContactFieldValues>) {
    if (Object.keys(values).length === 0) return;
    await em.getRepository(ContactEntity).update({ id }, values);
  }

  /** Retires `id` into `into` (null: brings it back). */
  async setMergedInto(em: EntityManager, id: string, into: string | null) {
    await em.getRepository(ContactEntity).update({ id }, { mergedIntoId: into });
  }

  async insertMerge(
    em: EntityManager,
    merge: Pick<
      ContactMergeEntity,
      | 'accountId'
      | 'survivorId'
      | 'otherId'
      | 'mergedById'
      | 'identityCount'
      | 'conversationCount'
      | 'snapshot'
    >,
  ): Promise<string> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(ContactMergeEntity)
      .values(merge)
      .returning('id')
      .updateEntity(false)
      .execute();
    return (result.raw as { id: string }[])[0]!.id;
  }

  /** The merge row, locked (one undo at a time); null for another account's. */
  lockMerge(em: EntityManager, accountId: string, id: string) {
    return em
      .getRepository(ContactMergeEntity)
      .createQueryBuilder('m')
      .where('m.id = :id AND m.account_id = :accountId', { id, accountId })
      .setLock('pessimistic_write')
      .getOne();
  }

  async markUndone(em: EntityManager, id: string, operatorId: string) {
    await em
      .getRepository(ContactMergeEntity)
      .update({ id }, { undoneAt: () => 'now()', undoneById: operatorId });
  }

  /** Undo: the identities that moved go back to `to`, if the survivor still has them. */
  async restoreIdentities(em: EntityManager, ids: string[], from: string, to: string) {
    if (ids.length === 0) return;
    await em
      .createQueryBuilder()
      .update(ContactIdentityEntity)
      .set({ contactId: to })
      .where('id = ANY(CAST(:ids AS uuid[])) AND contact_id = :from', { ids, from })
      .execute();
  }

  /**
   * Undo: the conversations that moved, and any opened since on the identities going back, return
   * to `to`; those the survivor's own identities opened stay with it. The ids returned.
   */
  restoreConversations(
    em: EntityManager,
    conversationIds: string[],
    identityIds: string[],
    from: string,
    to: string,
  ): Promise<string[]> {
    return returningIds(
      em
        .createQueryBuilder()
        .update(ConversationEntity)
        .set({ contactId: to })
        .where('contact_id = :from', { from })
        .andWhere(
          '(id = ANY(CAST(:conversationIds AS uuid[])) OR identity_id = ANY(CAST(:identityIds AS uuid[])))',
          { conversationIds, identityIds },
        ),
    );
  }

  /**
   * Undo: the customer messages whose sender the merge changed go back, and so do those that
   * arrived since in the conversations going back (their sender was the survivor only because of
   * the merge).
   */
  async restoreMessageSenders(
    em: EntityManager,
    messageIds: string[],
    conversationIds: string[],
    since: Date,
    from: string,
    to: string,
  ) {
    if (messageIds.length === 0 && conversationIds.length === 0) return;
    await em
      .createQueryBuilder()
      .update(MessageEntity)
      .set({ senderContactId: to })
      .where('sender_contact_id = :from', { from })
      .andWhere(
        `(id = ANY(CAST(:messageIds AS uuid[]))
          OR (conversation_id = ANY(CAST(:conversationIds AS uuid[])) AND created_at >= :since))`,
        { messageIds, conversationIds, since },
      )
      .execute();
  }

  async restoreTasks(em: EntityManager, ids: string[], from: string, to: string) {
    if (ids.length === 0) return;
    await em
      .createQueryBuilder()
      .update(TaskEntity)
      .set({ contactId: to })
      .where('id = ANY(CAST(:ids AS uuid[])) AND contact_id = :from', { ids, from })
      .execute();
  }

  /** The merges the contact took part in, on either side, newest first. */
  listMerges(
    accountId: string,
    contactId: string,
    em: EntityManager = this.ds.manager,
  ): Promise<MergeListRow[]> {
    return this.mergeRows(em)
      .where('m.account_id = :accountId', { accountId })
      .andWhere('(m.survivor_id = :contactId OR m.other_id = :contactId)', { contactId })
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(100)
      .getRawMany<MergeListRow>();
  }

  async findMergeRow(em: EntityManager, id: string): Promise<MergeListRow> {
    const row = await this.mergeRows(em).where('m.id = :id', { id }).getRawOne<MergeListRow>();
    if (!row) throw new Error(`Contact merge ${id} vanished inside its transaction`);
    return row;
  }

  private mergeRows(em: EntityManager) {
    return (
      em
        .createQueryBuilder(ContactMergeEntity, 'm')
        .innerJoin(ContactEntity, 's', 's.id = m.survivor_id')
        .innerJoin(ContactEntity, 'x', 'x.id = m.other_id')
        .leftJoin(OperatorEntity, 'mb', 'mb.id = m.merged_by_id')
        .leftJoin(OperatorEntity, 'ub', 'ub.id = m.undone_by_id')
        .select('m.id', 'id')
        .addSelect('m.survivor_id', 'survivor_id')
        // The names as they were when merged: the history reads "Ana Ruiz merged into Ana Phone"
        // even after the survivor took the other's name.
        .addSelect(`COALESCE(m.snapshot->'survivorBefore'->>'name', s.name)`, 'survivor_name')
        .addSelect('s.merged_into_id', 'survivor_merged_into_id')
        .addSelect('m.other_id', 'other_id')
        .addSelect(`COALESCE(m.snapshot->'otherBefore'->>'name', x.name)`, 'other_name')
        .addSelect('m.merged_by_id', 'merged_by_id')
        .addSelect('mb.name', 'merged_by_name')
        .addSelect('m.identity_count', 'identity_count')
        .addSelect('m.conversation_count', 'conversation_count')
        .addSelect('m.created_at', 'created_at')
        .addSelect('m.undone_at', 'undone_at')
        .addSelect('m.undone_by_id', 'undone_by_id')
        .addSelect('ub.name', 'undone_by_name')
    );
  }
}

function toContactRow(c: ContactEntity): MergeContactRow {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    notes: c.notes,
    attributes: c.attributes ?? {},
    mergedIntoId: c.mergedIntoId,
  };
}

async function returningIds(q: UpdateQueryBuilder<ObjectLiteral>): Promise<string[]> {
  const result = await q.returning('id').updateEntity(false).execute();
  return (result.raw as { id: string }[]).map((r) => r.id);
}

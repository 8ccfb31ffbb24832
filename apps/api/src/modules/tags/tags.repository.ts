import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TagColor, TagDto } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { ConversationTagEntity } from './entities/conversation-tag.entity';
import { TagEntity } from './entities/tag.entity';

/** The account's tags and the links between tags and conversations. */
@Injectable()
export class TagsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Every tag of the account with how many conversations carry it, by name. */
  async listWithCounts(accountId: string, em: EntityManager = this.ds.manager): Promise<TagDto[]> {
    const rows = await em
      .createQueryBuilder(TagEntity, 't')
      .leftJoin(ConversationTagEntity, 'x', 'x.tag_id = t.id')
      .select(['t.id AS id', 't.name AS name', 't.color AS color'])
      .addSelect('count(x.conversation_id)::int', 'conversation_count')
      .where('t.account_id = :accountId', { accountId })
      .groupBy('t.id')
      .orderBy('t.name_key')
      .addOrderBy('t.id')
      .getRawMany<{ id: string; name: string; color: TagColor; conversation_count: number }>();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      color: r.color,
      conversationCount: r.conversation_count,
    }));
  }

  findInAccount(em: EntityManager, accountId: string, id: string) {
    return em.getRepository(TagEntity).findOneBy({ id, accountId });
  }

  findByKey(em: EntityManager, accountId: string, nameKey: string) {
    return em.getRepository(TagEntity).findOneBy({ accountId, nameKey });
  }

  /**
   * The account's tag with this key, created if missing. Insert first and read after: a racing
   * creator of the same name makes the insert wait and then do nothing, and the read sees its row.
   */
  async findOrCreate(
    em: EntityManager,
    accountId: string,
    name: string,
    nameKey: string,
  ): Promise<TagEntity> {
    await em
      .createQueryBuilder()
      .insert()
      .into(TagEntity)
      .values({ accountId, name, nameKey })
      .orIgnore()
      .updateEntity(false)
      .execute();
    const tag = await this.findByKey(em, accountId, nameKey);
    if (!tag) throw new Error(`Tag ${nameKey} vanished inside its transaction`);
    return tag;
  }

  /** Links the tag to the conversation; false when it was already there. */
  async link(
    em: EntityManager,
    accountId: string,
    conversationId: string,
    tagId: string,
  ): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(ConversationTagEntity)
      .values({ accountId, conversationId, tagId })
      .orIgnore()
      .returning('tag_id')
      .updateEntity(false)
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** Links the tag to every one of these conversations, skipping those that have it already. */
  async linkMany(em: EntityManager, accountId: string, conversationIds: string[], tagId: string) {
    if (conversationIds.length === 0) return;
    await em
      .createQueryBuilder()
      .insert()
      .into(ConversationTagEntity)
      .values(conversationIds.map((conversationId) => ({ accountId, conversationId, tagId })))
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  /** Removes the tag from the conversation; false when it was not there. */
  async unlink(em: EntityManager, conversationId: string, tagId: string): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .delete()
      .from(ConversationTagEntity)
      .where('conversation_id = :conversationId AND tag_id = :tagId', { conversationId, tagId })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * Locks every conversation carrying the tag, in id order (two admins changing tags on
   * overlapping sets never deadlock), and returns their ids. Their summaries change with the tag,
   * and the row lock keeps the stream events of each conversation in order.
   */
  async lockConversationsOf(em: EntityManager, tagId: string): Promise<string[]> {
    const rows = await em
      .createQueryBuilder(ConversationEntity, 'c')
      .select('c.id', 'id')
      .where((qb) => {
        const linked = qb
          .subQuery()
          .select('x.conversation_id')
          .from(ConversationTagEntity, 'x')
          .where('x.tag_id = :tagId')
          .getQuery();
        return `c.id IN ${linked}`;
      })
      .setParameters({ tagId })
      .orderBy('c.id')
      .setLock('pessimistic_write')
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  async update(
    em: EntityManager,
    id: string,
    change: { name?: string; nameKey?: string; color?: TagColor },
  ) {
    const set = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
    await em.getRepository(TagEntity).update({ id }, set);
  }

  /** Deletes the tag; its links go with it (ON DELETE CASCADE). */
  async delete(em: EntityManager, id: string) {
    await em.getRepository(TagEntity).delete({ id });
  }
}

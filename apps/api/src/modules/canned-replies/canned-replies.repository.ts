import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, In, type DataSource } from 'typeorm';
import { StoredFileEntity } from '../../core/storage/entities/stored-file.entity';
import { ContactIdentityEntity } from '../contacts/entities/contact-identity.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';
import { CannedReplyEntity } from './entities/canned-reply.entity';

export type NewCannedReply = Pick<
  CannedReplyEntity,
  'accountId' | 'scope' | 'ownerOperatorId' | 'title' | 'shortcut' | 'body' | 'attachmentIds'
>;

export type CannedReplyChanges = Partial<
  Pick<CannedReplyEntity, 'title' | 'shortcut' | 'body' | 'attachmentIds'>
>;

/** PostgreSQL's unique_violation: a shortcut already taken in its scope. */
const UNIQUE_VIOLATION = '23505';

export function isShortcutTaken(err: unknown): boolean {
  return (err as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION;
}

@Injectable()
export class CannedRepliesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The account's shared replies and the operator's own personal ones, by shortcut. */
  listVisible(accountId: string, operatorId: string): Promise<CannedReplyEntity[]> {
    return this.ds
      .createQueryBuilder(CannedReplyEntity, 'c')
      .where('c.account_id = :accountId', { accountId })
      .andWhere(
        new Brackets((w) =>
          w
            .where(`c.scope = 'shared'`)
            .orWhere('c.owner_operator_id = :operatorId', { operatorId }),
        ),
      )
      .orderBy('c.shortcut', 'ASC')
      .addOrderBy('c.scope', 'DESC')
      .getMany();
  }

  /** One reply the operator may see: shared in their account, or their own. */
  findVisible(
    id: string,
    accountId: string,
    operatorId: string,
  ): Promise<CannedReplyEntity | null> {
    return this.ds
      .createQueryBuilder(CannedReplyEntity, 'c')
      .where('c.id = :id AND c.account_id = :accountId', { id, accountId })
      .andWhere(
        new Brackets((w) =>
          w
            .where(`c.scope = 'shared'`)
            .orWhere('c.owner_operator_id = :operatorId', { operatorId }),
        ),
      )
      .getOne();
  }

  async insert(reply: NewCannedReply): Promise<CannedReplyEntity> {
    const saved = await this.ds.getRepository(CannedReplyEntity).save({ ...reply });
    // Read back for the database's defaults (timestamps, the attachment array).
    return this.ds.getRepository(CannedReplyEntity).findOneByOrFail({ id: saved.id });
  }

  async update(id: string, changes: CannedReplyChanges): Promise<CannedReplyEntity> {
    await this.ds.getRepository(CannedReplyEntity).update({ id }, changes);
    return this.ds.getRepository(CannedReplyEntity).findOneByOrFail({ id });
  }

  async delete(id: string): Promise<void> {
    await this.ds.getRepository(CannedReplyEntity).delete({ id });
  }

  /**
   * The languages a rendered reply may be written in: the customer's on this conversation's
   * channel (as the channel reported it), then the operator's own.
   */
  async languages(
    conversationId: string,
    operatorId: string,
  ): Promise<{ customer: string | null; operator: string | null }> {
    const customer = await this.ds
      .createQueryBuilder(ConversationEntity, 'c')
      .leftJoin(ContactIdentityEntity, 'ci', 'ci.id = c.identityId')
      .select('ci.language', 'language')
      .where('c.id = :conversationId', { conversationId })
      .getRawOne<{ language: string | null }>();
    const operator = await this.ds
      .getRepository(OperatorEntity)
      .findOne({ select: { locale: true }, where: { id: operatorId } });
    return { customer: customer?.language ?? null, operator: operator?.locale ?? null };
  }

  /** The stored files of the account among `ids` (unknown or foreign ids are simply absent). */
  findFiles(accountId: string, ids: string[]): Promise<StoredFileEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.ds.getRepository(StoredFileEntity).findBy({ accountId, id: In(ids) });
  }
}

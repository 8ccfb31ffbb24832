import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ContactIdentityEntity } from '../contacts/entities/contact-identity.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { KbArticleViewEntity } from './entities/kb-article-view.entity';

export interface ViewedVersion {
  versionId: string;
  viewedAt: Date;
}

/** Articles web chat visitors opened in the widget. */
@Injectable()
export class ArticleViewsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async record(view: {
    accountId: string;
    inboxId: string;
    visitorKey: string;
    versionId: string;
  }): Promise<void> {
    await this.ds.getRepository(KbArticleViewEntity).insert(view);
  }

  /**
   * What the conversation's customer read before it started: views by any of their identities
   * (a merged contact keeps all), each article once at its latest view, newest first.
   */
  async viewedBefore(conversationId: string, limit: number): Promise<ViewedVersion[]> {
    const rows = await this.ds
      .getRepository(KbArticleViewEntity)
      .createQueryBuilder('v')
      .innerJoin(
        ContactIdentityEntity,
        'ci',
        'ci.inboxId = v.inboxId AND ci.externalId = v.visitorKey AND ci.accountId = v.accountId',
      )
      .innerJoin(ConversationEntity, 'c', 'c.contactId = ci.contactId')
      .select('v.versionId', 'versionId')
      .addSelect('max(v.viewedAt)', 'viewedAt')
      .where('c.id = :conversationId', { conversationId })
      .andWhere('v.viewedAt <= c.createdAt')
      .groupBy('v.versionId')
      .orderBy('"viewedAt"', 'DESC')
      .limit(limit)
      .getRawMany<{ versionId: string; viewedAt: Date }>();
    return rows.map((r) => ({ versionId: r.versionId, viewedAt: new Date(r.viewedAt) }));
  }
}

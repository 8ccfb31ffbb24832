import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KbArticleStatus, KbLocale } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { KbArticleVersionEntity } from '../entities/kb-article-version.entity';
import { KbArticleEntity } from '../entities/kb-article.entity';
import { isUuid } from '../kb-ids';

export interface KbArticleFilter {
  status?: KbArticleStatus;
  locale?: KbLocale;
  categoryId?: string;
  /** Only these articles (a search's hits), in any order. */
  ids?: string[];
}

export type KbVersionFields = Pick<
  KbArticleVersionEntity,
  'title' | 'slug' | 'bodyHtml' | 'bodyText' | 'status' | 'publishedAt' | 'updatedById'
>;

/** The most articles one list shows; the editor's list is searched and filtered, not paged. */
const LIST_LIMIT = 500;

/** Articles and their language versions, as operators edit them. */
@Injectable()
export class KbArticlesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** For checks other repositories make outside a transaction (the inbox access rule). */
  manager(): EntityManager {
    return this.ds.manager;
  }

  /** Newest change first; an article is listed when one of its versions passes the filter. */
  async list(accountId: string, filter: KbArticleFilter): Promise<KbArticleEntity[]> {
    const qb = this.ds
      .createQueryBuilder(KbArticleEntity, 'a')
      .where('a.account_id = :accountId', { accountId })
      .orderBy('a.updated_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(LIST_LIMIT);
    if (filter.categoryId) qb.andWhere('a.category_id = :categoryId', filter);
    if (filter.ids) {
      if (filter.ids.length === 0) return [];
      qb.andWhere('a.id IN (:...ids)', { ids: filter.ids });
    }
    if (filter.status || filter.locale) {
      const sub = this.ds
        .createQueryBuilder(KbArticleVersionEntity, 'fv')
        .select('1')
        .where('fv.article_id = a.id');
      if (filter.status) sub.andWhere('fv.status = :status', { status: filter.status });
      if (filter.locale) sub.andWhere('fv.locale = :locale', { locale: filter.locale });
      qb.andWhere(`EXISTS (${sub.getQuery()})`, sub.getParameters());
    }
    return qb.getMany();
  }

  /** Every version of these articles, by language. */
  versionsOf(articleIds: string[]): Promise<KbArticleVersionEntity[]> {
    if (articleIds.length === 0) return Promise.resolve([]);
    return this.ds
      .createQueryBuilder(KbArticleVersionEntity, 'v')
      .where('v.article_id IN (:...articleIds)', { articleIds })
      .orderBy('v.locale', 'ASC')
      .getMany();
  }

  find(accountId: string, id: string): Promise<KbArticleEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.ds.getRepository(KbArticleEntity).findOne({ where: { accountId, id } });
  }

  findVersion(articleId: string, locale: KbLocale): Promise<KbArticleVersionEntity | null> {
    return this.ds.getRepository(KbArticleVersionEntity).findOne({ where: { articleId, locale } });
  }

  create(
    accountId: string,
    fields: Pick<KbArticleEntity, 'categoryId' | 'sourceMessageId' | 'createdById'>,
  ): Promise<KbArticleEntity> {
    const repo = this.ds.getRepository(KbArticleEntity);
    return repo.save(repo.create({ accountId, ...fields }));
  }

  async setCategory(article: KbArticleEntity, categoryId: string | null): Promise<void> {
    await this.ds.getRepository(KbArticleEntity).update({ id: article.id }, { categoryId });
  }

  /** Marks the article changed (the list's order), when one of its versions was. */
  async touch(articleId: string): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .update(KbArticleEntity)
      .set({ updatedAt: () => 'now()' })
      .where('id = :articleId', { articleId })
      .execute();
  }

  async remove(accountId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const res = await this.ds.getRepository(KbArticleEntity).delete({ accountId, id });
    return (res.affected ?? 0) > 0;
  }

  /** Inserts or replaces the article's version in `locale`. */
  async saveVersion(
    article: KbArticleEntity,
    locale: KbLocale,
    fields: KbVersionFields,
  ): Promise<KbArticleVersionEntity> {
    const repo = this.ds.getRepository(KbArticleVersionEntity);
    const existing = await this.findVersion(article.id, locale);
    const version =
      existing ?? repo.create({ accountId: article.accountId, articleId: article.id, locale });
    Object.assign(version, fields);
    return repo.save(version);
  }

  async removeVersion(articleId: string, locale: KbLocale): Promise<boolean> {
    const res = await this.ds.getRepository(KbArticleVersionEntity).delete({ articleId, locale });
    return (res.affected ?? 0) > 0;
  }

  /** Slugs of the account's other versions in `locale` that are `base` or `base-<something>`. */
  async slugsLike(
    accountId: string,
    locale: KbLocale,
    base: string,
    exceptArticleId: string,
  ): Promise<Set<string>> {
    const prefix = `${base.replace(/[\\%_]/g, (m) => `\\${m}`)}-%`;
    const rows = await this.ds
      .createQueryBuilder(KbArticleVersionEntity, 'v')
      .select('v.slug', 'slug')
      .where('v.account_id = :accountId AND v.locale = :locale', { accountId, locale })
      .andWhere('v.article_id <> :exceptArticleId', { exceptArticleId })
      .andWhere('(v.slug = :base OR v.slug LIKE :prefix)', { base, prefix })
      .getRawMany<{ slug: string }>();
    return new Set(rows.map((r) => r.slug));
  }
}

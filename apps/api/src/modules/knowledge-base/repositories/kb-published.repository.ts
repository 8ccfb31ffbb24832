import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KbLocale } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import { KbArticleVersionEntity } from '../entities/kb-article-version.entity';

export interface PublishedVersionRow {
  version: KbArticleVersionEntity;
  categoryId: string | null;
}

/** Published article versions, as readers of the help centre and the widget see them. */
@Injectable()
export class KbPublishedRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private published(accountId: string) {
    return this.ds
      .createQueryBuilder(KbArticleVersionEntity, 'v')
      .innerJoinAndSelect('v.article', 'a')
      .where('v.account_id = :accountId', { accountId })
      .andWhere(`v.status = 'published'`);
  }

  async list(
    accountId: string,
    locale: KbLocale,
    categoryId?: string | null,
  ): Promise<PublishedVersionRow[]> {
    const qb = this.published(accountId).andWhere('v.locale = :locale', { locale });
    if (categoryId) qb.andWhere('a.category_id = :categoryId', { categoryId });
    const rows = await qb.orderBy('v.title', 'ASC').addOrderBy('v.id', 'ASC').getMany();
    return rows.map((version) => ({ version, categoryId: version.article?.categoryId ?? null }));
  }

  async bySlug(
    accountId: string,
    locale: KbLocale,
    slug: string,
  ): Promise<PublishedVersionRow | null> {
    const version = await this.published(accountId)
      .andWhere('v.locale = :locale AND v.slug = :slug', { locale, slug })
      .getOne();
    return version ? { version, categoryId: version.article?.categoryId ?? null } : null;
  }

  async byId(accountId: string, versionId: string): Promise<PublishedVersionRow | null> {
    const version = await this.published(accountId)
      .andWhere('v.id = :versionId', { versionId })
      .getOne();
    return version ? { version, categoryId: version.article?.categoryId ?? null } : null;
  }

  /**
   * Does a published version of the account show this stored file (an image the editor
   * uploaded, `/api/files/<id>/…` in its body)? What makes the file public in the help centre.
   */
  async referencesFile(accountId: string, fileId: string): Promise<boolean> {
    return this.published(accountId)
      .andWhere('strpos(v.body_html, :needle) > 0', { needle: `/api/files/${fileId}` })
      .getExists();
  }

  /** The article's other published languages, for the reader's language switch. */
  async otherLocales(
    accountId: string,
    articleId: string,
    exceptVersionId: string,
  ): Promise<{ locale: KbLocale; slug: string }[]> {
    const rows = await this.published(accountId)
      .andWhere('v.article_id = :articleId AND v.id <> :exceptVersionId', {
        articleId,
        exceptVersionId,
      })
      .orderBy('v.locale', 'ASC')
      .getMany();
    return rows.map((v) => ({ locale: v.locale, slug: v.slug }));
  }
}

import type { KbLocale } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import { AccountEntity } from '../../accounts/entities/account.entity';
import { KbArticleVersionEntity } from '../../knowledge-base/entities/kb-article-version.entity';
import { KbArticleEntity } from '../../knowledge-base/entities/kb-article.entity';
import { KbCategoryEntity } from '../../knowledge-base/entities/kb-category.entity';

/**
 * Articles for the help centre's tests, written through the knowledge base's entities (the
 * operator API is the knowledge base's own subject). Bodies are given already sanitised.
 */
export class KbSeed {
  constructor(
    private readonly ds: DataSource,
    readonly accountId: string,
  ) {}

  static async forDeployment(ds: DataSource): Promise<KbSeed> {
    const account = await ds
      .getRepository(AccountEntity)
      .find({ order: { createdAt: 'ASC' }, take: 1 });
    return new KbSeed(ds, account[0]!.id);
  }

  async category(
    slug: string,
    names: Partial<Record<KbLocale, string>>,
    position = 0,
  ): Promise<string> {
    const row = await this.ds
      .getRepository(KbCategoryEntity)
      .save({ accountId: this.accountId, slug, names, position });
    return row.id;
  }

  /** One article with its language versions; returns the version ids by locale. */
  async article(
    categoryId: string | null,
    versions: {
      locale: KbLocale;
      title: string;
      slug: string;
      bodyHtml: string;
      status?: 'draft' | 'published';
    }[],
  ): Promise<Record<string, string>> {
    const article = await this.ds
      .getRepository(KbArticleEntity)
      .save({ accountId: this.accountId, categoryId });
    const ids: Record<string, string> = {};
    for (const v of versions) {
      const status = v.status ?? 'published';
      const row = await this.ds.getRepository(KbArticleVersionEntity).save({
        accountId: this.accountId,
        articleId: article.id,
        locale: v.locale,
        title: v.title,
        slug: v.slug,
        bodyHtml: v.bodyHtml,
        bodyText: v.bodyHtml
          .replace(/<[^>]*>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
        status,
        publishedAt: status === 'published' ? new Date() : null,
      });
      ids[v.locale] = row.id;
    }
    return ids;
  }
}

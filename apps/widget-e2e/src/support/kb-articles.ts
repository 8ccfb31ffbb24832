import type { KbLocale } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';

export interface SeedVersion {
  locale: KbLocale;
  title: string;
  slug: string;
  /** Already sanitised, as the knowledge base stores it. */
  bodyHtml: string;
  status?: 'draft' | 'published';
}

/**
 * Published articles for the browser tests, written through the knowledge base's entities (by
 * name: test apps do not import the API's code). The operator screens are the knowledge base's
 * own tests' subject; here the articles only need to exist.
 */
export async function seedArticle(
  ds: DataSource,
  category: { slug: string; names: Partial<Record<KbLocale, string>> } | null,
  versions: SeedVersion[],
): Promise<void> {
  const accounts = await ds
    .getRepository<{ id: string; createdAt: Date }>('AccountEntity')
    .find({ order: { createdAt: 'ASC' }, take: 1 });
  const accountId = accounts[0]?.id;
  if (!accountId) throw new Error('no account');
  let categoryId: string | null = null;
  if (category) {
    const categories = ds.getRepository<{ id: string; accountId: string; slug: string }>(
      'KbCategoryEntity',
    );
    const existing = await categories.findOneBy({ accountId, slug: category.slug });
    categoryId = existing
      ? existing.id
      : (await categories.save({ accountId, ...category } as { accountId: string; slug: string }))
          .id;
  }
  const article = await ds
    .getRepository<{ id: string }>('KbArticleEntity')
    .save({ accountId, categoryId } as object);
  for (const v of versions) {
    const status = v.status ?? 'published';
    await ds.getRepository('KbArticleVersionEntity').save({
      accountId,
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
  }
}

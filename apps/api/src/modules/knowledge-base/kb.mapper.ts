import type {
  KbArticleDto,
  KbArticleListItemDto,
  KbArticleVersionDto,
  KbCategoryDto,
  PublishedArticleSummary,
} from '@switchboard/contracts';
import type { KbArticleVersionEntity } from './entities/kb-article-version.entity';
import type { KbArticleEntity } from './entities/kb-article.entity';
import type { KbCategoryEntity } from './entities/kb-category.entity';
import type { KbVotes } from './repositories/kb-feedback.repository';

const EXCERPT_LENGTH = 200;
const NO_VOTES: KbVotes = { helpful: 0, unhelpful: 0 };

/** The first words of a plain text, cut at a word boundary, `…` when cut. */
export function excerptOf(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export const toKbCategoryDto = (c: KbCategoryEntity): KbCategoryDto => ({
  id: c.id,
  slug: c.slug,
  names: c.names,
  position: c.position,
});

export const toKbVersionDto = (
  v: KbArticleVersionEntity,
  votes: KbVotes = NO_VOTES,
): KbArticleVersionDto => ({
  id: v.id,
  locale: v.locale,
  title: v.title,
  slug: v.slug,
  bodyHtml: v.bodyHtml,
  status: v.status,
  publishedAt: v.publishedAt?.toISOString() ?? null,
  updatedAt: v.updatedAt.toISOString(),
  helpful: votes.helpful,
  unhelpful: votes.unhelpful,
});

export const toKbArticleDto = (
  a: KbArticleEntity,
  versions: KbArticleVersionEntity[],
  votes: Map<string, KbVotes>,
): KbArticleDto => ({
  id: a.id,
  categoryId: a.categoryId,
  sourceMessageId: a.sourceMessageId,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
  versions: versions.map((v) => toKbVersionDto(v, votes.get(v.id))),
});

export const toKbListItemDto = (
  a: KbArticleEntity,
  versions: KbArticleVersionEntity[],
): KbArticleListItemDto => ({
  id: a.id,
  categoryId: a.categoryId,
  updatedAt: a.updatedAt.toISOString(),
  versions: versions.map((v) => ({
    locale: v.locale,
    title: v.title,
    slug: v.slug,
    status: v.status,
  })),
});

export const toPublishedSummary = (
  v: KbArticleVersionEntity,
  categoryId: string | null,
): PublishedArticleSummary => ({
  articleId: v.articleId,
  versionId: v.id,
  locale: v.locale,
  title: v.title,
  slug: v.slug,
  categoryId,
  updatedAt: v.updatedAt.toISOString(),
  excerpt: excerptOf(v.bodyText),
});

import { Inject, Injectable } from '@nestjs/common';
import {
  parseSearchQuery,
  type KbArticleStatus,
  type KbCategoryDto,
  type KbLocale,
  type KbSearchHitDto,
  type PublishedArticle,
  type PublishedArticleSummary,
} from '@switchboard/contracts';
import { APP_CONFIG } from '../../core/config/app-config';
import type { AppConfig } from '../../core/config/config.schema';
import { searchSnippet } from '../search/search-snippet';
import { isUuid } from './kb-ids';
import { kbArticleUrl } from './kb-public-url';
import { toKbCategoryDto, toPublishedSummary } from './kb.mapper';
import { KbCategoriesRepository } from './repositories/kb-categories.repository';
import { KbFeedbackRepository } from './repositories/kb-feedback.repository';
import {
  KbPublishedRepository,
  type PublishedVersionRow,
} from './repositories/kb-published.repository';
import { KbSearchRepository } from './repositories/kb-search.repository';

export type { PublishedArticle, PublishedArticleSummary } from '@switchboard/contracts';

export interface KbSearchOptions {
  locale?: KbLocale;
  limit: number;
  /** Operators only: search drafts too (undefined) or one status. Readers always get `published`. */
  status?: KbArticleStatus | 'any';
  /** The hit's address; an absolute help-centre URL from PUBLIC_URL unless given. */
  urlFor?: (locale: KbLocale, slug: string) => string;
}

/**
 * What the public side (help centre, widget) reads from the knowledge base: published versions
 * only, never drafts. Also the search the composer's picker uses.
 */
@Injectable()
export class PublishedArticlesService {
  constructor(
    private readonly categoriesRepo: KbCategoriesRepository,
    private readonly published: KbPublishedRepository,
    private readonly searchRepo: KbSearchRepository,
    private readonly feedback: KbFeedbackRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async categories(accountId: string): Promise<KbCategoryDto[]> {
    return (await this.categoriesRepo.list(accountId)).map(toKbCategoryDto);
  }

  async listPublished(
    accountId: string,
    locale: KbLocale,
    categoryId?: string | null,
  ): Promise<PublishedArticleSummary[]> {
    if (categoryId && !isUuid(categoryId)) return [];
    const rows = await this.published.list(accountId, locale, categoryId);
    return rows.map((r) => toPublishedSummary(r.version, r.categoryId));
  }

  async findPublished(
    accountId: string,
    locale: KbLocale,
    slug: string,
  ): Promise<PublishedArticle | null> {
    return this.withDetails(accountId, await this.published.bySlug(accountId, locale, slug));
  }

  async findPublishedById(accountId: string, versionId: string): Promise<PublishedArticle | null> {
    if (!isUuid(versionId)) return null;
    return this.withDetails(accountId, await this.published.byId(accountId, versionId));
  }

  /**
   * Articles holding the words (stems and prefixes, any script), best first, with a plain-text
   * snippet around the first match. Text that is no search (only punctuation, `#tags`) finds none.
   */
  async search(accountId: string, query: string, opts: KbSearchOptions): Promise<KbSearchHitDto[]> {
    const parsed = parseSearchQuery(query);
    if (!parsed.ok) return [];
    const status = opts.status === 'any' ? undefined : (opts.status ?? 'published');
    const rows = await this.searchRepo.search(accountId, parsed.query, {
      locale: opts.locale,
      status,
      limit: opts.limit,
    });
    const words = [...parsed.query.words, ...parsed.query.phrases.flatMap((p) => p.split(' '))];
    const urlFor =
      opts.urlFor ??
      ((locale: KbLocale, slug: string) => kbArticleUrl(this.config.PUBLIC_URL, locale, slug));
    return rows.map((r) => ({
      articleId: r.article_id,
      versionId: r.version_id,
      locale: r.locale,
      title: r.title,
      slug: r.slug,
      snippet: searchSnippet(r.body_text, words)
        .map((s) => s.text)
        .join(''),
      url: urlFor(r.locale, r.slug),
    }));
  }

  /** Whether a published article of the account shows the file, so readers may load it. */
  async isPublishedFile(accountId: string, fileId: string): Promise<boolean> {
    if (!isUuid(fileId)) return false;
    return this.published.referencesFile(accountId, fileId.toLowerCase());
  }

  /** One vote per reader and version; voting again replaces the vote. Unknown versions are ignored. */
  async recordFeedback(
    accountId: string,
    versionId: string,
    readerKey: string,
    helpful: boolean,
  ): Promise<void> {
    if (!isUuid(versionId)) return;
    const version = await this.published.byId(accountId, versionId);
    if (!version) return;
    await this.feedback.vote(accountId, versionId, readerKey, helpful);
  }

  private async withDetails(
    accountId: string,
    row: PublishedVersionRow | null,
  ): Promise<PublishedArticle | null> {
    if (!row) return null;
    const v = row.version;
    const [otherLocales, votes] = await Promise.all([
      this.published.otherLocales(accountId, v.articleId, v.id),
      this.feedback.votes([v.id]),
    ]);
    const counts = votes.get(v.id) ?? { helpful: 0, unhelpful: 0 };
    return {
      ...toPublishedSummary(v, row.categoryId),
      bodyHtml: v.bodyHtml,
      otherLocales,
      helpful: counts.helpful,
      unhelpful: counts.unhelpful,
    };
  }
}

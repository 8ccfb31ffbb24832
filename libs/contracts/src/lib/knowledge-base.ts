import { z } from 'zod';
import { safeText } from './safe-text';

/** The languages an article can be written in (the languages the inbox and widget speak). */
export const KB_LOCALES = ['en', 'ru', 'bg', 'ar'] as const;
export type KbLocale = (typeof KB_LOCALES)[number];

export const KB_ARTICLE_STATUSES = ['draft', 'published'] as const;
export type KbArticleStatus = (typeof KB_ARTICLE_STATUSES)[number];

export const MAX_KB_TITLE_LENGTH = 200;
/** The body as the editor sends it, before sanitising (a long article with a few images fits). */
export const MAX_KB_BODY_LENGTH = 200_000;
export const MAX_KB_SLUG_LENGTH = 120;

/** A slug as it stands in a help-centre URL: lower-case letters of any script, digits, hyphens. */
export const kbSlugSchema = safeText()
  .trim()
  .min(1)
  .max(MAX_KB_SLUG_LENGTH)
  .refine((s) => /^[\p{Ll}\p{Lo}\p{Nd}]+(?:-[\p{Ll}\p{Lo}\p{Nd}]+)*$/u.test(s), {
    message: 'must be lower-case words joined by hyphens',
  });

export interface KbCategoryDto {
  id: string;
  slug: string;
  /** The category's name per language; a language without one falls back to English. */
  names: Partial<Record<KbLocale, string>>;
  position: number;
}

/** One language of an article, as operators edit it. */
export interface KbArticleVersionDto {
  id: string;
  locale: KbLocale;
  title: string;
  slug: string;
  /** Sanitised HTML: headings, paragraphs, lists, links, images, code. */
  bodyHtml: string;
  status: KbArticleStatus;
  publishedAt: string | null;
  updatedAt: string;
  helpful: number;
  unhelpful: number;
}

export interface KbArticleDto {
  id: string;
  categoryId: string | null;
  sourceMessageId: string | null;
  createdAt: string;
  updatedAt: string;
  versions: KbArticleVersionDto[];
}

/** An article found by a search (operators' composer, the widget, the help centre). */
export interface KbSearchHitDto {
  articleId: string;
  versionId: string;
  locale: KbLocale;
  title: string;
  slug: string;
  /** Plain text around the match. */
  snippet: string;
  /** The article's public address in the help centre. */
  url: string;
}

export const kbCategoryRequestSchema = z.object({
  slug: kbSlugSchema,
  names: z.partialRecord(z.enum(KB_LOCALES), safeText().trim().min(1).max(100)),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type KbCategoryRequest = z.infer<typeof kbCategoryRequestSchema>;

export const kbArticleVersionRequestSchema = z.object({
  title: safeText().trim().min(1).max(MAX_KB_TITLE_LENGTH),
  slug: kbSlugSchema.optional(),
  bodyHtml: safeText().max(MAX_KB_BODY_LENGTH),
  status: z.enum(KB_ARTICLE_STATUSES).optional(),
});
export type KbArticleVersionRequest = z.infer<typeof kbArticleVersionRequestSchema>;

/** A published article as the help centre and the widget list it. */
export interface PublishedArticleSummary {
  articleId: string;
  versionId: string;
  locale: KbLocale;
  title: string;
  slug: string;
  categoryId: string | null;
  /** ISO date-time of the version's last change. */
  updatedAt: string;
  /** The body's first words, plain text. */
  excerpt: string;
}

/** A published article to read: its sanitised body, its other published languages and its votes. */
export interface PublishedArticle extends PublishedArticleSummary {
  bodyHtml: string;
  otherLocales: { locale: KbLocale; slug: string }[];
  helpful: number;
  unhelpful: number;
}

/** An operator's article in the list: the article and its languages without their bodies. */
export interface KbArticleListItemDto {
  id: string;
  categoryId: string | null;
  updatedAt: string;
  versions: { locale: KbLocale; title: string; slug: string; status: KbArticleStatus }[];
}

export const kbArticleListQuerySchema = z.object({
  status: z.enum(KB_ARTICLE_STATUSES).optional(),
  locale: z.enum(KB_LOCALES).optional(),
  categoryId: z.string().uuid().optional(),
  q: safeText().max(500).optional(),
});
export type KbArticleListQuery = z.infer<typeof kbArticleListQuerySchema>;

export const kbSearchQuerySchema = z.object({
  q: safeText().max(500),
  locale: z.enum(KB_LOCALES).optional(),
  /** Operators' search includes drafts unless `published` is asked for (the composer's picker). */
  status: z.enum(KB_ARTICLE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type KbSearchQuery = z.infer<typeof kbSearchQuerySchema>;

export const kbArticleRequestSchema = z.object({
  categoryId: z.string().uuid().nullable().optional(),
});
export type KbArticleRequest = z.infer<typeof kbArticleRequestSchema>;

export const kbCategoryOrderRequestSchema = z.object({
  ids: z.array(z.string().uuid()).min(1).max(500),
});
export type KbCategoryOrderRequest = z.infer<typeof kbCategoryOrderRequestSchema>;

/** "Turn into article": a draft from a message, in the operator's language unless told. */
export const kbArticleFromMessageRequestSchema = z.object({
  messageId: z.string().uuid(),
  locale: z.enum(KB_LOCALES).optional(),
});
export type KbArticleFromMessageRequest = z.infer<typeof kbArticleFromMessageRequestSchema>;

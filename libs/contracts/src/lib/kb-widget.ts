import { z } from 'zod';
import type { KbLocale, KbSearchHitDto } from './knowledge-base';

/** Articles the widget found for the visitor (search tab, or suggestions while they type). */
export interface WidgetArticleHitsDto {
  items: KbSearchHitDto[];
}

/** A published article opened inside the widget. */
export interface WidgetArticleDto {
  versionId: string;
  locale: KbLocale;
  title: string;
  /** Sanitised HTML, as the help centre shows it. */
  bodyHtml: string;
  updatedAt: string;
  /** The article's page in the public help centre. */
  url: string;
}

/** An article the customer read in the widget before writing, shown to the operator. */
export interface ViewedArticleDto {
  versionId: string;
  locale: KbLocale;
  title: string;
  url: string;
  viewedAt: string;
}

export interface ViewedArticlesDto {
  items: ViewedArticleDto[];
}

/** At most this many suggestions while the visitor types. */
export const WIDGET_ARTICLE_SUGGESTIONS = 3;
export const WIDGET_ARTICLE_SEARCH_LIMIT = 10;

/** The public help centre's look: a logo (https only, shown under the page's CSP) and a colour. */
export interface HelpCentreBrandingDto {
  logoUrl: string | null;
  color: string | null;
  /** Where the help centre is published. */
  url: string;
}

export const helpCentreBrandingRequestSchema = z.object({
  logoUrl: z
    .string()
    .trim()
    .max(2000)
    .url()
    .refine((u) => u.startsWith('https://'), { message: 'must be an https address' })
    .nullable(),
  color: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^#[0-9a-f]{6}$/, 'must be a colour like #2563eb')
    .nullable(),
});
export type HelpCentreBrandingRequest = z.infer<typeof helpCentreBrandingRequestSchema>;

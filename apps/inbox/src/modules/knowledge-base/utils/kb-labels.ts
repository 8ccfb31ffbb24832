import type { KbArticleListItemDto, KbCategoryDto, KbLocale } from '@switchboard/contracts';
import { currentLocale } from '../../../i18n/i18n';

export const KB_EDITOR_LOCALES: readonly KbLocale[] = ['en', 'ru', 'bg', 'ar'];

/** The operator's UI language as an article language (English when it is none of them). */
export function operatorKbLocale(): KbLocale {
  const base = currentLocale().toLowerCase().slice(0, 2);
  return KB_EDITOR_LOCALES.find((l) => l === base) ?? 'en';
}

/** A category's name in the operator's language, else English, else its slug. */
export function categoryName(category: KbCategoryDto): string {
  return category.names[operatorKbLocale()] ?? category.names.en ?? category.slug;
}

/** The title to list an article under: the operator's language first, then any. */
export function articleTitle(article: KbArticleListItemDto): string | null {
  const mine = article.versions.find((v) => v.locale === operatorKbLocale());
  return (mine ?? article.versions[0])?.title ?? null;
}

export const isRtlLocale = (locale: KbLocale) => locale === 'ar';

import { escapeHtml } from '@switchboard/channels-webchat';
import type { KbCategoryDto, KbLocale } from '@switchboard/contracts';
import { HELP_TEXTS } from './help-texts';

/** What a list shows of an article (a PublishedArticleSummary or a search hit fits). */
export interface ArticleLink {
  locale: KbLocale;
  title: string;
  slug: string;
  /** Plain text under the title (an excerpt or a search snippet). */
  text: string;
}

export interface ArticleView {
  title: string;
  /** Sanitised by the knowledge base when stored; the one value not escaped here. */
  bodyHtml: string;
  updatedAt: Date;
  /** The feedback form's target. */
  feedbackAction: string;
  thanked: boolean;
  /** The same article in other languages. */
  otherLanguages: { locale: KbLocale; href: string }[];
}

export function articleHref(locale: KbLocale, slug: string): string {
  return `/help/${locale}/${encodeURIComponent(slug)}`;
}

export function categoryHref(locale: KbLocale, slug: string): string {
  return `/help/${locale}/c/${encodeURIComponent(slug)}`;
}

/** A category's name in this language, else English, else any, else its slug. */
export function categoryName(category: KbCategoryDto, locale: KbLocale): string {
  return (
    category.names[locale] ?? category.names.en ?? Object.values(category.names)[0] ?? category.slug
  );
}

function articleList(items: ArticleLink[], pageLocale: KbLocale): string {
  return (
    '<ul class="list">' +
    items
      .map((a) => {
        const lang =
          a.locale === pageLocale
            ? ''
            : ` lang="${a.locale}" dir="${a.locale === 'ar' ? 'rtl' : 'ltr'}"`;
        const text = a.text ? `<p class="snippet">${escapeHtml(a.text)}</p>` : '';
        return `<li${lang}><a href="${escapeHtml(articleHref(a.locale, a.slug))}">${escapeHtml(a.title)}</a>${text}</li>`;
      })
      .join('') +
    '</ul>'
  );
}

export interface HomeSection {
  category: KbCategoryDto | null;
  articles: ArticleLink[];
}

/** The front page: each category with its articles, then those without one. */
export function homeMain(locale: KbLocale, sections: HomeSection[]): string {
  const t = HELP_TEXTS[locale];
  const filled = sections.filter((s) => s.articles.length > 0);
  if (filled.length === 0)
    return `<h1>${escapeHtml(t.helpCentre)}</h1><p>${escapeHtml(t.noArticles)}</p>`;
  return (
    `<h1>${escapeHtml(t.helpCentre)}</h1>` +
    filled
      .map((s) => {
        const heading = s.category
          ? `<a href="${escapeHtml(categoryHref(locale, s.category.slug))}">${escapeHtml(categoryName(s.category, locale))}</a>`
          : escapeHtml(t.otherArticles);
        return `<section><h2>${heading}</h2>${articleList(s.articles, locale)}</section>`;
      })
      .join('')
  );
}

export function categoryMain(
  locale: KbLocale,
  category: KbCategoryDto,
  articles: ArticleLink[],
): string {
  const t = HELP_TEXTS[locale];
  const body = articles.length
    ? articleList(articles, locale)
    : `<p>${escapeHtml(t.noArticles)}</p>`;
  return `<h1>${escapeHtml(categoryName(category, locale))}</h1>${body}`;
}

export function searchMain(locale: KbLocale, query: string, hits: ArticleLink[]): string {
  const t = HELP_TEXTS[locale];
  const body = hits.length ? articleList(hits, locale) : `<p>${escapeHtml(t.noResults)}</p>`;
  return `<h1>${escapeHtml(t.resultsFor(query))}</h1>${body}`;
}

export function articleMain(locale: KbLocale, a: ArticleView): string {
  const t = HELP_TEXTS[locale];
  const date = a.updatedAt.toISOString().slice(0, 10);
  const shown = dateFormat(locale).format(a.updatedAt);
  const feedback = a.thanked
    ? `<p role="status">${escapeHtml(t.thanks)}</p>`
    : `<span id="fb">${escapeHtml(t.wasHelpful)}</span>` +
      `<form method="post" action="${escapeHtml(a.feedbackAction)}" aria-labelledby="fb">` +
      `<button type="submit" name="helpful" value="yes">${escapeHtml(t.yes)}</button>` +
      `<button type="submit" name="helpful" value="no">${escapeHtml(t.no)}</button></form>`;
  return (
    `<article><h1>${escapeHtml(a.title)}</h1>` +
    `<p class="muted">${escapeHtml(t.updated)} <time datetime="${date}">${escapeHtml(shown)}</time></p>` +
    otherLanguagesLine(locale, a.otherLanguages) +
    `<div class="body">${a.bodyHtml}</div></article>` +
    `<div class="feedback" id="feedback">${feedback}</div>`
  );
}

const dateFormats = new Map<KbLocale, Intl.DateTimeFormat>();

/** Building a formatter costs more than a page's render: one per language, kept. */
function dateFormat(locale: KbLocale): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format;
}

function otherLanguagesLine(
  locale: KbLocale,
  others: { locale: KbLocale; href: string }[],
): string {
  if (others.length === 0) return '';
  const links = others
    .map(
      (o) =>
        `<a href="${escapeHtml(o.href)}" hreflang="${o.locale}" lang="${o.locale}">${escapeHtml(HELP_TEXTS[o.locale].languageName)}</a>`,
    )
    .join(', ');
  return `<p class="muted">${escapeHtml(HELP_TEXTS[locale].alsoIn)}: ${links}</p>`;
}

export function messageMain(locale: KbLocale, title: string, text: string): string {
  const t = HELP_TEXTS[locale];
  return (
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>` +
    `<p><a href="/help/${locale}">${escapeHtml(t.backHome)}</a></p>`
  );
}

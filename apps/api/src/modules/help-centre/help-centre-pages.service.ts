import { Inject, Injectable } from '@nestjs/common';
import { escapeHtml } from '@switchboard/channels-webchat';
import { KB_LOCALES, type KbLocale, type PublishedArticleSummary } from '@switchboard/contracts';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { PublishedArticlesService } from '../knowledge-base/published-articles.service';
import { kbPublicBodyHtml } from '../knowledge-base/kb-public-url';
import {
  HelpCentreAccountRepository,
  type HelpCentreAccount,
} from './help-centre-account.repository';
import { helpDocument } from './pages/help-layout';
import {
  articleHref,
  articleMain,
  categoryHref,
  categoryMain,
  categoryName,
  homeMain,
  messageMain,
  searchMain,
  type ArticleLink,
} from './pages/help-pages';
import { HELP_TEXTS } from './pages/help-texts';

export interface HelpPage {
  status: number;
  html: string;
  csp: string;
}

const SEARCH_LIMIT = 20;
const NO_ACCOUNT: HelpCentreAccount = { id: '', name: 'Help', logoUrl: null, color: null };

function linkOf(a: PublishedArticleSummary): ArticleLink {
  return { locale: a.locale, title: a.title, slug: a.slug, text: a.excerpt };
}

/** Builds the public help centre's pages from published articles only. */
@Injectable()
export class HelpCentrePagesService {
  constructor(
    private readonly articles: PublishedArticlesService,
    private readonly accounts: HelpCentreAccountRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Read per call: tests learn PUBLIC_URL only after the server listens. */
  private absolute(path: string): string {
    return `${this.config.PUBLIC_URL.replace(/\/$/, '')}${path}`;
  }

  private everyLocale(path: (l: KbLocale) => string): { locale: KbLocale; href: string }[] {
    return KB_LOCALES.map((l) => ({ locale: l, href: this.absolute(path(l)) }));
  }

  async home(locale: KbLocale): Promise<HelpPage> {
    const account = await this.accounts.deploymentAccount();
    if (!account) return this.notFound(locale);
    const [categories, articles] = await Promise.all([
      this.articles.categories(account.id),
      this.articles.listPublished(account.id, locale),
    ]);
    const sections = [
      ...categories.map((c) => ({
        category: c,
        articles: articles.filter((a) => a.categoryId === c.id).map(linkOf),
      })),
      {
        category: null,
        articles: articles
          .filter((a) => !a.categoryId || !categories.some((c) => c.id === a.categoryId))
          .map(linkOf),
      },
    ];
    return this.page(account, locale, HELP_TEXTS[locale].helpCentre, `/help/${locale}`, {
      main: homeMain(locale, sections),
      alternates: this.everyLocale((l) => `/help/${l}`),
    });
  }

  async category(locale: KbLocale, slug: string): Promise<HelpPage> {
    const account = await this.accounts.deploymentAccount();
    if (!account) return this.notFound(locale);
    const category = (await this.articles.categories(account.id)).find((c) => c.slug === slug);
    if (!category) return this.notFound(locale, account);
    const articles = await this.articles.listPublished(account.id, locale, category.id);
    const path = categoryHref(locale, category.slug);
    return this.page(account, locale, categoryName(category, locale), path, {
      main: categoryMain(locale, category, articles.map(linkOf)),
      alternates: this.everyLocale((l) => categoryHref(l, category.slug)),
    });
  }

  async article(locale: KbLocale, slug: string, thanked: boolean): Promise<HelpPage> {
    const account = await this.accounts.deploymentAccount();
    if (!account) return this.notFound(locale);
    const article = await this.articles.findPublished(account.id, locale, slug);
    if (!article) return this.notFound(locale, account);
    const path = articleHref(locale, article.slug);
    const others = article.otherLocales.map((o) => ({
      locale: o.locale,
      href: this.absolute(articleHref(o.locale, o.slug)),
    }));
    return this.page(account, locale, article.title, path, {
      main: articleMain(locale, {
        title: article.title,
        bodyHtml: kbPublicBodyHtml('', article.bodyHtml),
        updatedAt: new Date(article.updatedAt),
        feedbackAction: `${path}/feedback`,
        thanked,
        otherLanguages: others,
      }),
      alternates: [{ locale, href: this.absolute(path) }, ...others],
    });
  }

  /** Every language's articles match (a Russian question on the English page finds Russian ones). */
  async search(locale: KbLocale, query: string): Promise<HelpPage> {
    const account = await this.accounts.deploymentAccount();
    if (!account) return this.notFound(locale);
    const q = query.trim().slice(0, 200);
    const hits = q ? await this.articles.search(account.id, q, { limit: SEARCH_LIMIT }) : [];
    // This page's language first, the search's own order within each group.
    const ordered = [
      ...hits.filter((h) => h.locale === locale),
      ...hits.filter((h) => h.locale !== locale),
    ];
    const path = `/help/${locale}/search?q=${encodeURIComponent(q)}`;
    return this.page(account, locale, HELP_TEXTS[locale].resultsFor(q), path, {
      main: searchMain(
        locale,
        q,
        ordered.map((h) => ({ locale: h.locale, title: h.title, slug: h.slug, text: h.snippet })),
      ),
      alternates: this.everyLocale((l) => `/help/${l}/search?q=${encodeURIComponent(q)}`),
      query: q,
      noindex: true,
    });
  }

  async notFound(locale: KbLocale, known?: HelpCentreAccount): Promise<HelpPage> {
    const account = known ?? (await this.accounts.deploymentAccount()) ?? NO_ACCOUNT;
    const t = HELP_TEXTS[locale];
    const page = this.page(account, locale, t.notFoundTitle, `/help/${locale}`, {
      main: messageMain(locale, t.notFoundTitle, t.notFoundBody),
      alternates: [],
      noindex: true,
    });
    return { ...page, status: 404 };
  }

  async tooMany(locale: KbLocale): Promise<HelpPage> {
    const account = (await this.accounts.deploymentAccount()) ?? NO_ACCOUNT;
    const t = HELP_TEXTS[locale];
    const page = this.page(account, locale, t.tooManyTitle, `/help/${locale}`, {
      main: messageMain(locale, t.tooManyTitle, t.tooManyBody),
      alternates: [],
      noindex: true,
    });
    return { ...page, status: 429 };
  }

  /** The account the help centre's votes belong to. */
  async accountId(): Promise<string | null> {
    return (await this.accounts.deploymentAccount())?.id ?? null;
  }

  /** Every published article in every language, and each language's front page. */
  async sitemap(): Promise<string> {
    const account = await this.accounts.deploymentAccount();
    const urls: string[] = KB_LOCALES.map((l) => this.absolute(`/help/${l}`));
    if (account) {
      const lists = await Promise.all(
        KB_LOCALES.map((l) => this.articles.listPublished(account.id, l)),
      );
      for (const a of lists.flat()) urls.push(this.absolute(articleHref(a.locale, a.slug)));
    }
    return (
      '<?xml version="1.0" encoding="UTF-8"?>' +
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
      urls.map((u) => `<url><loc>${escapeHtml(u)}</loc></url>`).join('') +
      '</urlset>'
    );
  }

  private page(
    account: HelpCentreAccount,
    locale: KbLocale,
    title: string,
    path: string,
    parts: {
      main: string;
      alternates: { locale: KbLocale; href: string }[];
      query?: string;
      noindex?: boolean;
    },
  ): HelpPage {
    const { html, csp } = helpDocument({
      locale,
      title,
      branding: account,
      canonical: this.absolute(path),
      alternates: parts.alternates,
      main: parts.main,
      query: parts.query,
      noindex: parts.noindex,
    });
    return { status: 200, html, csp };
  }
}

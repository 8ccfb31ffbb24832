import type { KbSearchHitDto, WidgetArticleDto } from '../../shared/widget-wire';
import { el } from '../dom';
import type { ChatTexts } from '../i18n';
import type { ChatView } from '../chat-view';
import type { WidgetApi } from '../widget-api';
import { articleBody } from './article-html';
import { ARTICLE_CSS } from './article-styles';

const SUGGEST_DELAY_MS = 350;
const SUGGESTIONS = 3;
const SEARCH_RESULTS = 8;
/** Fewer letters than this suggest nothing: "hi" matches everything and helps nobody. */
const MIN_SUGGEST_LENGTH = 4;

/**
 * Help articles in the panel: a search box above the conversation, up to three suggestions while
 * the visitor types a message, and a reader that shows an article in place of the conversation
 * (Back returns to it). Everything is added around the chat view; the chat itself is unchanged.
 */
export class ArticleHelp {
  private readonly search: HTMLInputElement;
  private readonly results: HTMLElement;
  private readonly suggestions: HTMLElement;
  private readonly reader: HTMLElement;
  private suggestTimer: ReturnType<typeof setTimeout> | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Answers to older requests are dropped: only the newest search or suggestion shows. */
  private generation = 0;

  constructor(
    private readonly api: WidgetApi,
    private readonly texts: ChatTexts,
    private readonly locale: string,
    private readonly apiBase: string,
    private readonly view: ChatView,
  ) {
    this.search = el('input', {
      attrs: {
        type: 'search',
        name: 'articles',
        maxlength: '200',
        placeholder: texts.articlesSearch,
        'aria-label': texts.articlesSearch,
        dir: 'auto',
      },
    });
    const form = el('form', { className: 'sb-kb-search', attrs: { role: 'search' } }, [
      this.search,
    ]);
    this.results = el('div', { className: 'sb-kb-results', attrs: { 'aria-live': 'polite' } });
    this.results.hidden = true;
    this.suggestions = el('div', { className: 'sb-kb-suggest', attrs: { 'aria-live': 'polite' } });
    this.suggestions.hidden = true;
    this.reader = el('article', { className: 'sb-kb-reader', attrs: { tabindex: '-1' } });
    this.reader.hidden = true;
    const style = el('style', { text: ARTICLE_CSS });
    view.root.insertBefore(style, view.root.firstChild);
    view.notice.before(form);
    view.log.before(this.results, this.reader);
    view.composer.before(this.suggestions);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.searchTimer);
      void this.runSearch();
    });
    // Results as they type, once they pause.
    this.search.addEventListener('input', () => {
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => void this.runSearch(), SUGGEST_DELAY_MS);
    });
    view.textarea.addEventListener('input', () => this.suggestSoon());
    // Sending (the button, or Enter, which the chat handles without a submit) ends the suggestions.
    view.composer.addEventListener('submit', () => this.hideSuggestions());
    view.textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) this.hideSuggestions();
    });
  }

  private suggestSoon(): void {
    clearTimeout(this.suggestTimer);
    this.suggestTimer = setTimeout(() => void this.suggest(), SUGGEST_DELAY_MS);
  }

  private hideSuggestions(): void {
    clearTimeout(this.suggestTimer);
    this.generation++;
    this.suggestions.hidden = true;
    this.suggestions.replaceChildren();
  }

  private async suggest(): Promise<void> {
    const text = this.view.textarea.value.trim();
    if (text.length < MIN_SUGGEST_LENGTH) return this.hideSuggestions();
    const hits = await this.find(text, SUGGESTIONS, true);
    // Superseded, failed, or the message was sent meanwhile.
    if (!hits || !this.view.textarea.value.trim()) return;
    this.suggestions.replaceChildren();
    if (hits.length === 0) return void (this.suggestions.hidden = true);
    this.suggestions.append(
      el('p', { text: this.texts.articlesSuggested }),
      this.list(hits.slice(0, SUGGESTIONS)),
    );
    this.suggestions.hidden = false;
  }

  private async runSearch(): Promise<void> {
    const q = this.search.value.trim();
    if (!q) {
      this.results.hidden = true;
      this.results.replaceChildren();
      this.showConversation();
      return;
    }
    const hits = await this.find(q, SEARCH_RESULTS);
    if (!hits) return;
    this.closeReader();
    this.results.replaceChildren(
      hits.length ? this.list(hits) : el('p', { text: this.texts.articlesNone }),
    );
    this.results.hidden = false;
    this.view.log.hidden = true;
  }

  /** The hits, or null when a newer request has superseded this one or it failed. */
  private async find(q: string, limit: number, suggest = false): Promise<KbSearchHitDto[] | null> {
    const mine = ++this.generation;
    try {
      const { items } = await this.api.searchArticles(q, this.locale, limit, suggest);
      return mine === this.generation ? items : null;
    } catch {
      // Articles are a help, not the chat: a failed search leaves the chat as it was.
      return null;
    }
  }

  private list(hits: KbSearchHitDto[]): HTMLElement {
    return el(
      'ul',
      { className: 'sb-kb-list' },
      hits.map((hit) => {
        const button = el('button', {
          text: hit.title,
          attrs: { type: 'button', lang: hit.locale, dir: 'auto' },
        });
        button.addEventListener('click', () => void this.openArticle(hit.versionId));
        return el('li', {}, [button]);
      }),
    );
  }

  private async openArticle(versionId: string): Promise<void> {
    let article: WidgetArticleDto;
    try {
      article = await this.api.article(versionId);
    } catch {
      return;
    }
    const back = el('button', {
      className: 'sb-kb-back',
      text: this.texts.articleBack,
      attrs: { type: 'button' },
    });
    back.addEventListener('click', () => this.closeReader());
    const dir = article.locale === 'ar' ? 'rtl' : 'ltr';
    const body = el('div', { className: 'sb-kb-body', attrs: { lang: article.locale, dir } });
    body.appendChild(articleBody(article.bodyHtml, this.apiBase));
    const full = el('a', {
      text: this.texts.articleOpenFull,
      attrs: { href: article.url, target: '_blank', rel: 'noopener noreferrer' },
    });
    this.reader.replaceChildren(
      back,
      el('h3', { text: article.title, attrs: { lang: article.locale, dir } }),
      body,
      el('p', { className: 'sb-kb-full' }, [full]),
    );
    this.reader.hidden = false;
    this.results.hidden = true;
    this.view.log.hidden = true;
    this.reader.focus();
  }

  private closeReader(): void {
    if (this.reader.hidden) return;
    this.reader.hidden = true;
    this.reader.replaceChildren();
    // Back to the search results when there were some, else to the conversation.
    if (this.results.childElementCount > 0 && this.search.value.trim()) this.results.hidden = false;
    else this.showConversation();
  }

  private showConversation(): void {
    this.view.log.hidden = false;
  }
}

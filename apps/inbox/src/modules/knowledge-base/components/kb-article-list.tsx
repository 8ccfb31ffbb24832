import {
  KB_ARTICLE_STATUSES,
  type KbArticleListItemDto,
  type KbArticleStatus,
  type KbCategoryDto,
  type KbLocale,
} from '@switchboard/contracts';
import { useEffect, useState } from 'react';
import { t, tp } from '../../../i18n/i18n';
import { useAuthStore } from '../../auth/store/auth-store';
import { useNavigationStore } from '../../navigation/navigation-store';
import { useToastStore } from '../../../shared/ui/toast-store';
import { kbApi, type KbListFilter } from '../api/kb-api';
import { articleTitle, categoryName, KB_EDITOR_LOCALES } from '../utils/kb-labels';
import { KbCategoriesDialog } from './kb-categories-dialog';
import { errorText } from '../../../shared/api/error-text';

const SEARCH_DELAY_MS = 250;

interface Props {
  categories: KbCategoryDto[];
  onCategoriesChanged: () => void;
}

/** Every article, drafts included, filtered by category, status and language, and searched. */
export function KbArticleList({ categories, onCategoriesChanged }: Props) {
  const isAdmin = useAuthStore((s) => s.operator?.role === 'admin');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<KbArticleStatus | ''>('');
  const [locale, setLocale] = useState<KbLocale | ''>('');
  const [categoryId, setCategoryId] = useState('');
  const [articles, setArticles] = useState<KbArticleListItemDto[] | null>(null);
  const [managing, setManaging] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const filter: KbListFilter = {
      q: q.trim() || undefined,
      status: status || undefined,
      locale: locale || undefined,
      categoryId: categoryId || undefined,
    };
    const timer = setTimeout(
      () => {
        kbApi
          .list(filter, controller.signal)
          .then(setArticles)
          .catch((e: Error) => {
            if (e.name !== 'AbortError') useToastStore.getState().show(errorText(e), 'error');
          });
      },
      q ? SEARCH_DELAY_MS : 0,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, status, locale, categoryId]);

  const open = (articleId: string) =>
    useNavigationStore.getState().go({ name: 'knowledge-base', articleId });

  const create = async () => {
    try {
      const article = await kbApi.create(categoryId || null);
      open(article.id);
    } catch (e) {
      useToastStore.getState().show(errorText(e), 'error');
    }
  };

  const filtered = Boolean(q || status || locale || categoryId);
  return (
    <>
      <header className="kb-screen__header">
        <h1>{t('kb.title')}</h1>
        <input
          type="search"
          className="kb-screen__search"
          data-testid="kb-search"
          dir="auto"
          placeholder={t('kb.search')}
          aria-label={t('kb.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <label className="kb-filter">
          <span>{t('kb.filter.category')}</span>
          <select
            value={categoryId}
            data-testid="kb-filter-category"
            onChange={(e) => setCategoryId(e.target.value)}
          >
            <option value="">{t('kb.filter.all')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {categoryName(c)}
              </option>
            ))}
          </select>
        </label>
        <label className="kb-filter">
          <span>{t('kb.filter.status')}</span>
          <select
            value={status}
            data-testid="kb-filter-status"
            onChange={(e) => setStatus(e.target.value as KbArticleStatus | '')}
          >
            <option value="">{t('kb.filter.all')}</option>
            {KB_ARTICLE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`kb.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="kb-filter">
          <span>{t('kb.filter.locale')}</span>
          <select
            value={locale}
            data-testid="kb-filter-locale"
            onChange={(e) => setLocale(e.target.value as KbLocale | '')}
          >
            <option value="">{t('kb.filter.all')}</option>
            {KB_EDITOR_LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`kb.locale.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="kb-screen__actions">
          {isAdmin && (
            <button
              type="button"
              className="button"
              data-testid="kb-manage-categories"
              onClick={() => setManaging(true)}
            >
              {t('kb.categories.manage')}
            </button>
          )}
          <button
            type="button"
            className="button button--primary"
            data-testid="kb-new-article"
            onClick={() => void create()}
          >
            {t('kb.new_article')}
          </button>
        </div>
      </header>
      {articles === null ? (
        <p className="kb-screen__muted">{t('kb.loading')}</p>
      ) : articles.length === 0 ? (
        <p className="kb-screen__muted" data-testid="kb-empty">
          {filtered ? t('kb.list.no_match') : t('kb.list.empty')}
        </p>
      ) : (
        <>
          <p className="kb-screen__muted">{tp('kb.list.count', articles.length)}</p>
          <ul className="kb-list" data-testid="kb-list">
            {articles.map((a) => {
              const category = categories.find((c) => c.id === a.categoryId);
              return (
                <li key={a.id} className="kb-list__item">
                  <button
                    type="button"
                    className="kb-list__open"
                    data-testid="kb-list-item"
                    onClick={() => open(a.id)}
                  >
                    <span className="kb-list__title" dir="auto">
                      {articleTitle(a) ?? t('kb.list.untitled')}
                    </span>
                    {category && (
                      <span className="kb-list__category">{categoryName(category)}</span>
                    )}
                  </button>
                  <span className="kb-list__versions">
                    {a.versions.map((v) => (
                      <span
                        key={v.locale}
                        className={`kb-badge kb-badge--${v.status}`}
                        title={`${t(`kb.locale.${v.locale}`)}: ${t(`kb.status.${v.status}`)}`}
                      >
                        {v.locale.toUpperCase()}
                      </span>
                    ))}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {managing && (
        <KbCategoriesDialog
          categories={categories}
          onChanged={onCategoriesChanged}
          onClose={() => setManaging(false)}
        />
      )}
    </>
  );
}

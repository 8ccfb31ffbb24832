import type {
  KbArticleDto,
  KbArticleStatus,
  KbCategoryDto,
  KbLocale,
} from '@switchboard/contracts';
import { useEffect, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { useAuthStore } from '../../auth/store/auth-store';
import { useNavigationStore } from '../../navigation/navigation-store';
import { useToastStore } from '../../../shared/ui/toast-store';
import { kbApi } from '../api/kb-api';
import { categoryName, isRtlLocale, KB_EDITOR_LOCALES, operatorKbLocale } from '../utils/kb-labels';
import { RichTextEditor } from './rich-text-editor';
import { errorText } from '../../../shared/api/error-text';

interface Draft {
  title: string;
  slug: string;
  html: string;
}

const toast = (text: string, tone: 'info' | 'error' = 'info') =>
  useToastStore.getState().show(text, tone);

function draftsOf(article: KbArticleDto): Partial<Record<KbLocale, Draft>> {
  return Object.fromEntries(
    article.versions.map((v) => [v.locale, { title: v.title, slug: v.slug, html: v.bodyHtml }]),
  );
}

/** One article: a tab per language (Arabic right to left), its text, category and status. */
export function KbArticleEditor({
  articleId,
  categories,
}: {
  articleId: string;
  categories: KbCategoryDto[];
}) {
  const isAdmin = useAuthStore((s) => s.operator?.role === 'admin');
  const [article, setArticle] = useState<KbArticleDto | null>(null);
  const [locale, setLocale] = useState<KbLocale>(operatorKbLocale());
  const [drafts, setDrafts] = useState<Partial<Record<KbLocale, Draft>>>({});
  const [busy, setBusy] = useState(false);
  // Bumped when the server's copy replaces the editor's (sanitised on save): the editor re-mounts.
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    kbApi
      .get(articleId)
      .then((a) => {
        setArticle(a);
        setDrafts(draftsOf(a));
        // Open the language it was written in when the operator's own is not there yet.
        const mine = operatorKbLocale();
        const first = a.versions[0];
        if (first && !a.versions.some((v) => v.locale === mine)) setLocale(first.locale);
      })
      .catch((e: unknown) => toast(errorText(e), 'error'));
  }, [articleId]);

  if (!article) return <p className="kb-screen__muted">{t('kb.loading')}</p>;

  const version = article.versions.find((v) => v.locale === locale) ?? null;
  const draft = drafts[locale] ?? { title: '', slug: '', html: '' };
  const edit = (change: Partial<Draft>) =>
    setDrafts((all) => ({ ...all, [locale]: { ...draft, ...change } }));
  const live = version?.status === 'published';
  const locked = !isAdmin && live;

  const apply = (next: KbArticleDto, message: string) => {
    setArticle(next);
    const saved = next.versions.find((v) => v.locale === locale);
    if (saved) edit({ title: saved.title, slug: saved.slug, html: saved.bodyHtml });
    setRevision((r) => r + 1);
    toast(message);
  };

  const save = async (status?: KbArticleStatus) => {
    if (!draft.title.trim()) return;
    setBusy(true);
    try {
      const next = await kbApi.putVersion(article.id, locale, {
        title: draft.title.trim(),
        // Only a slug the operator typed is sent; otherwise the server keeps or makes one.
        slug:
          draft.slug.trim() && draft.slug.trim() !== version?.slug ? draft.slug.trim() : undefined,
        bodyHtml: draft.html,
        status,
      });
      apply(next, t(status === 'published' && !live ? 'kb.editor.published' : 'kb.editor.saved'));
    } catch (e) {
      toast(errorText(e), 'error');
    } finally {
      setBusy(false);
    }
  };

  const unpublish = async () => {
    setBusy(true);
    try {
      apply(await kbApi.unpublish(article.id, locale), t('kb.editor.unpublished'));
    } catch (e) {
      toast(errorText(e), 'error');
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!window.confirm(t('kb.editor.delete_confirm'))) return;
    try {
      await kbApi.remove(article.id);
      useNavigationStore.getState().go({ name: 'knowledge-base' });
    } catch (e) {
      toast(errorText(e), 'error');
    }
  };

  const setCategory = async (categoryId: string | null) => {
    try {
      setArticle(await kbApi.setCategory(article.id, categoryId));
    } catch (e) {
      toast(errorText(e), 'error');
    }
  };

  const dir = isRtlLocale(locale) ? 'rtl' : 'ltr';
  return (
    <section className="kb-editor" data-testid="kb-editor">
      <header className="kb-editor__header">
        <button
          type="button"
          className="link-button"
          data-testid="kb-back"
          onClick={() => useNavigationStore.getState().go({ name: 'knowledge-base' })}
        >
          {t('kb.back')}
        </button>
        <label className="kb-filter">
          <span>{t('kb.editor.category')}</span>
          <select
            data-testid="kb-category"
            value={article.categoryId ?? ''}
            onChange={(e) => void setCategory(e.target.value || null)}
          >
            <option value="">{t('kb.editor.no_category')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {categoryName(c)}
              </option>
            ))}
          </select>
        </label>
        {isAdmin && (
          <button type="button" className="link-button kb-danger" onClick={() => void remove()}>
            {t('kb.editor.delete')}
          </button>
        )}
      </header>
      <div role="tablist" aria-label={t('kb.editor.languages')} className="kb-tabs">
        {KB_EDITOR_LOCALES.map((l) => {
          const v = article.versions.find((x) => x.locale === l);
          return (
            <button
              key={l}
              type="button"
              role="tab"
              className="kb-tabs__tab"
              data-testid={`kb-tab-${l}`}
              aria-selected={l === locale}
              onClick={() => setLocale(l)}
            >
              {t(`kb.locale.${l}`)}
              <span className={`kb-badge kb-badge--${v?.status ?? 'missing'}`}>
                {t(v ? `kb.status.${v.status}` : 'kb.status.missing')}
              </span>
            </button>
          );
        })}
      </div>
      {article.sourceMessageId && <p className="kb-screen__muted">{t('kb.editor.from_message')}</p>}
      {locked && <p className="kb-screen__muted">{t('kb.editor.agents_draft')}</p>}
      <div className="kb-editor__fields" dir={dir} lang={locale}>
        <label className="kb-field">
          <span>{t('kb.editor.title')}</span>
          <input
            type="text"
            data-testid="kb-title"
            value={draft.title}
            maxLength={200}
            disabled={locked}
            onChange={(e) => edit({ title: e.target.value })}
          />
        </label>
        <label className="kb-field">
          <span>{t('kb.editor.slug')}</span>
          <input
            type="text"
            data-testid="kb-slug"
            value={draft.slug}
            maxLength={120}
            disabled={locked}
            placeholder={t('kb.editor.slug_hint')}
            onChange={(e) => edit({ slug: e.target.value })}
          />
        </label>
      </div>
      <RichTextEditor
        key={`${article.id}-${locale}-${revision}`}
        initialHtml={draft.html}
        onChange={(html) => edit({ html })}
        dir={dir}
        lang={locale}
        readOnly={locked}
      />
      <footer className="kb-editor__footer">
        {version && (
          <span className="kb-screen__muted">
            {t('kb.editor.votes', { helpful: version.helpful, unhelpful: version.unhelpful })}
          </span>
        )}
        {live && version && (
          <a
            href={`/help/${locale}/${encodeURIComponent(version.slug)}`}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="kb-public-link"
          >
            {t('kb.editor.public_link')}
          </a>
        )}
        <span className="kb-editor__spacer" />
        {live ? (
          <>
            {isAdmin && (
              <button
                type="button"
                className="button"
                data-testid="kb-unpublish"
                disabled={busy}
                onClick={() => void unpublish()}
              >
                {t('kb.editor.unpublish')}
              </button>
            )}
            {isAdmin && (
              <button
                type="button"
                className="button button--primary"
                data-testid="kb-save"
                disabled={busy || !draft.title.trim()}
                onClick={() => void save()}
              >
                {t('kb.editor.save')}
              </button>
            )}
          </>
        ) : (
          <>
            <button
              type="button"
              className="button"
              data-testid="kb-save-draft"
              disabled={busy || !draft.title.trim()}
              onClick={() => void save('draft')}
            >
              {t('kb.editor.save_draft')}
            </button>
            {isAdmin && (
              <button
                type="button"
                className="button button--primary"
                data-testid="kb-publish"
                disabled={busy || !draft.title.trim()}
                onClick={() => void save('published')}
              >
                {t('kb.editor.publish')}
              </button>
            )}
          </>
        )}
      </footer>
    </section>
  );
}

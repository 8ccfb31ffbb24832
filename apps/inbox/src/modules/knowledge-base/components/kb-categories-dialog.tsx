import type { KbCategoryDto, KbLocale } from '@switchboard/contracts';
import { useRef, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { useModalFocus } from '../../../shared/ui/use-modal-focus';
import { useToastStore } from '../../../shared/ui/toast-store';
import { kbApi } from '../api/kb-api';
import { isRtlLocale, KB_EDITOR_LOCALES } from '../utils/kb-labels';
import { errorText } from '../../../shared/api/error-text';

interface Props {
  categories: KbCategoryDto[];
  onChanged: () => void;
  onClose: () => void;
}

type Row = { id: string | null; slug: string; names: Partial<Record<KbLocale, string>> };

const fail = (e: unknown) => useToastStore.getState().show(errorText(e), 'error');

/** Admins name, add, delete and order the help centre's categories. */
export function KbCategoriesDialog({ categories, onChanged, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useModalFocus(ref);
  const [rows, setRows] = useState<Row[]>(categories.map((c) => ({ ...c })));
  const [fresh, setFresh] = useState<Row>({ id: null, slug: '', names: {} });

  const setRow = (i: number, change: Partial<Row>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...change } : r)));

  const body = (r: Row) => ({
    slug: r.slug.trim(),
    names: Object.fromEntries(
      Object.entries(r.names).filter(([, v]) => typeof v === 'string' && v.trim()),
    ),
  });

  const save = async (r: Row) => {
    try {
      if (r.id) await kbApi.updateCategory(r.id, body(r));
      else {
        const created = await kbApi.createCategory(body(r));
        setRows((all) => [...all, { ...created }]);
        setFresh({ id: null, slug: '', names: {} });
      }
      onChanged();
    } catch (e) {
      fail(e);
    }
  };

  const remove = async (i: number) => {
    const r = rows[i];
    if (!r?.id) return;
    try {
      await kbApi.removeCategory(r.id);
      setRows((all) => all.filter((_, j) => j !== i));
      onChanged();
    } catch (e) {
      fail(e);
    }
  };

  const move = async (i: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(i, 1);
    if (!row) return;
    next.splice(i + by, 0, row);
    setRows(next);
    try {
      await kbApi.reorderCategories(next.flatMap((r) => (r.id ? [r.id] : [])));
      onChanged();
    } catch (e) {
      fail(e);
    }
  };

  const fields = (r: Row, change: (c: Partial<Row>) => void) => (
    <>
      <input
        type="text"
        aria-label={t('kb.categories.slug')}
        placeholder={t('kb.categories.slug')}
        data-testid="kb-category-slug"
        value={r.slug}
        onChange={(e) => change({ slug: e.target.value })}
      />
      {KB_EDITOR_LOCALES.map((l) => (
        <input
          key={l}
          type="text"
          dir={isRtlLocale(l) ? 'rtl' : 'ltr'}
          lang={l}
          data-testid={`kb-category-name-${l}`}
          aria-label={t('kb.categories.name', { language: t(`kb.locale.${l}`) })}
          placeholder={t('kb.categories.name', { language: t(`kb.locale.${l}`) })}
          value={r.names[l] ?? ''}
          onChange={(e) => change({ names: { ...r.names, [l]: e.target.value } })}
        />
      ))}
    </>
  );

  return (
    <div className="kb-dialog-backdrop">
      <div
        ref={ref}
        className="kb-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="kb-categories-title"
        data-testid="kb-categories-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2 id="kb-categories-title">{t('kb.categories.title')}</h2>
        {rows.length === 0 && <p className="kb-screen__muted">{t('kb.categories.empty')}</p>}
        <ul className="kb-categories">
          {rows.map((r, i) => (
            <li key={r.id ?? i} className="kb-categories__row">
              {fields(r, (c) => setRow(i, c))}
              <button type="button" className="button" onClick={() => void save(r)}>
                {t('kb.categories.save')}
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('kb.categories.up')}
                disabled={i === 0}
                onClick={() => void move(i, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('kb.categories.down')}
                disabled={i === rows.length - 1}
                onClick={() => void move(i, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="link-button kb-danger"
                onClick={() => void remove(i)}
              >
                {t('kb.categories.delete')}
              </button>
            </li>
          ))}
        </ul>
        <form
          className="kb-categories__row"
          onSubmit={(e) => {
            e.preventDefault();
            void save(fresh);
          }}
        >
          {fields(fresh, (c) => setFresh((f) => ({ ...f, ...c })))}
          <button type="submit" className="button button--primary" data-testid="kb-category-add">
            {t('kb.categories.add')}
          </button>
        </form>
        <button type="button" className="button" onClick={onClose}>
          {t('kb.categories.close')}
        </button>
      </div>
    </div>
  );
}

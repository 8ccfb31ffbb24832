import type { KbSearchHitDto } from '@switchboard/contracts';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { kbApi } from '../api/kb-api';

const SEARCH_DELAY_MS = 200;

/** What the composer inserts for an article: its title and its public address. */
export const articleLinkText = (hit: Pick<KbSearchHitDto, 'title' | 'url'>) =>
  `${hit.title}: ${hit.url}`;

/**
 * "Insert article" in the composer: searches the published articles (any language, stems and
 * prefixes) and hands the chosen one's title and link to `onInsert`.
 */
export function KbInsertButton({ onInsert }: { onInsert: (text: string) => void }) {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<KbSearchHitDto[]>([]);
  const [active, setActive] = useState(0);
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open || !q.trim()) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      kbApi
        .search(q, controller.signal)
        .then((found) => {
          setHits(found);
          setActive(0);
        })
        .catch(() => setHits([]));
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, q]);

  // A click anywhere else closes it, as a menu does.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!boxRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const choose = (hit: KbSearchHitDto) => {
    onInsert(articleLinkText(hit));
    setOpen(false);
    setQ('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      setOpen(false);
    } else if (e.key === 'ArrowDown' && hits.length > 0) {
      e.preventDefault();
      setActive((i) => (i + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits.length > 0) {
      e.preventDefault();
      setActive((i) => (i - 1 + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = hits[active];
      if (hit) choose(hit);
    }
  };

  return (
    <div className="kb-insert" ref={boxRef}>
      <button
        type="button"
        className="button kb-insert__button"
        data-testid="kb-insert-open"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
      >
        {t('kb.insert.button')}
      </button>
      {open && (
        <div className="kb-insert__popover" role="dialog" aria-label={t('kb.insert.button')}>
          <input
            type="search"
            autoFocus
            dir="auto"
            data-testid="kb-insert-search"
            placeholder={t('kb.insert.search')}
            aria-label={t('kb.insert.search')}
            aria-controls="kb-insert-results"
            aria-activedescendant={hits[active] ? `kb-hit-${hits[active].versionId}` : undefined}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={onKeyDown}
          />
          {!q.trim() ? (
            <p className="kb-screen__muted">{t('kb.insert.hint')}</p>
          ) : hits.length === 0 ? (
            <p className="kb-screen__muted">{t('kb.insert.empty')}</p>
          ) : (
            <ul id="kb-insert-results" role="listbox" className="kb-insert__results">
              {hits.map((hit, i) => (
                <li
                  key={hit.versionId}
                  id={`kb-hit-${hit.versionId}`}
                  role="option"
                  aria-selected={i === active}
                  className="kb-insert__hit"
                  data-testid="kb-insert-hit"
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(hit)}
                >
                  <span className="kb-insert__title" dir="auto">
                    {hit.title} <span className="kb-badge">{hit.locale.toUpperCase()}</span>
                  </span>
                  <span className="kb-insert__snippet" dir="auto">
                    {hit.snippet}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { t, tp } from '../../../i18n/i18n';
import { usePeopleStore } from '../../people/store/people-store';
import { useSavedViewsStore } from '../../saved-views/store/saved-views-store';
import { useTagsStore } from '../../tags/store/tags-store';
import { usePaletteItems } from '../hooks/use-palette-items';
import { usePaletteStore } from '../store/palette-store';
import type { PaletteItem } from '../utils/palette-item';
import '../command-palette.css';

/** Ctrl/Cmd+K: jump to a conversation or run any action without leaving the keyboard. */
export function CommandPalette() {
  const open = usePaletteStore((s) => s.open);
  return open ? <PaletteDialog /> : null;
}

/** The lists the actions name, loaded once if no screen has loaded them yet. */
function loadChoices(): void {
  if (!usePeopleStore.getState().loaded) void usePeopleStore.getState().load();
  if (!useTagsStore.getState().loaded) void useTagsStore.getState().load();
  if (!useSavedViewsStore.getState().loaded) void useSavedViewsStore.getState().load();
}

/**
 * The ARIA combobox pattern: focus stays in the text field, arrows move the active option
 * (`aria-activedescendant`), Enter runs it, Escape closes and gives focus back.
 */
function PaletteDialog() {
  const hide = usePaletteStore((s) => s.hide);
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<string | null>(null);
  const now = useMemo(() => new Date(), []);
  const { sections, preferredId, searching, error } = usePaletteItems(query, now);
  const items = useMemo(() => sections.flatMap((s) => s.items), [sections]);
  const inputRef = useRef<HTMLInputElement>(null);
  const baseId = useId();
  const optionId = (item: PaletteItem) => `${baseId}-option-${item.id}`;
  // The active option survives new results arriving; until the arrows move, the best fit is.
  const active =
    items.find((item) => item.id === activeId) ??
    items.find((item) => item.id === preferredId) ??
    items[0];

  useEffect(() => {
    loadChoices();
    inputRef.current?.focus();
  }, []);

  const activeOptionId = active ? optionId(active) : undefined;
  useEffect(() => {
    if (activeOptionId)
      document.getElementById(activeOptionId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeOptionId]);

  const run = (item: PaletteItem) => {
    hide();
    item.run();
  };

  const move = (delta: 1 | -1) => {
    if (items.length === 0) return;
    const index = active ? items.indexOf(active) : -1;
    const next = items[(index + delta + items.length) % items.length];
    if (next) setActiveId(next.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (active) run(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      hide();
    } else if (event.key === 'Tab') {
      // The field is the dialog's only stop: focus stays inside while it is open.
      event.preventDefault();
    }
  };

  const listId = `${baseId}-list`;
  return (
    <div className="palette-backdrop" onMouseDown={hide}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label={t('palette.title')}
        data-testid="command-palette"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <input
          ref={inputRef}
          className="palette__input"
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOptionId}
          aria-label={t('palette.label')}
          placeholder={t('palette.placeholder')}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          data-testid="palette-input"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActiveId(null);
          }}
          onKeyDown={onKeyDown}
        />
        <div id={listId} role="listbox" aria-label={t('palette.title')} className="palette__list">
          {sections.map(({ group, items: rows }) =>
            rows.length === 0 ? null : (
              <div key={group} role="group" aria-labelledby={`${baseId}-${group}`}>
                <div id={`${baseId}-${group}`} role="presentation" className="palette__group">
                  {t(`palette.group.${group}`)}
                </div>
                {rows.map((item) => (
                  <div
                    key={item.id}
                    id={optionId(item)}
                    role="option"
                    aria-selected={item === active}
                    className="palette__option"
                    data-testid="palette-option"
                    data-item-id={item.id}
                    onMouseMove={() => item !== active && setActiveId(item.id)}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => run(item)}
                  >
                    <bdi className="palette__label">{item.label}</bdi>
                    {item.hint && <span className="palette__hint">{item.hint}</span>}
                  </div>
                ))}
              </div>
            ),
          )}
        </div>
        {items.length === 0 && !searching && (
          <p className="palette__empty" data-testid="palette-empty">
            {t('palette.empty')}
          </p>
        )}
        {error && <p className="form-error">{t('palette.search_failed', { message: error })}</p>}
        <div className="visually-hidden" role="status" aria-live="polite">
          {searching ? t('palette.searching') : tp('palette.results', items.length)}
        </div>
      </div>
    </div>
  );
}

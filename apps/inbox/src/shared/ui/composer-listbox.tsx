import type { ReactNode } from 'react';

export interface ComposerListboxProps<T extends { id: string }> {
  /** The listbox id, named by the textarea's aria-controls. */
  id: string;
  /** CSS block and test id prefix, e.g. `canned-picker` (options get `canned-option`). */
  block: string;
  optionTestId: string;
  label: string;
  empty: string;
  hint: string;
  matches: readonly T[];
  activeIndex: number;
  onPick: (item: T) => void;
  renderOption: (item: T) => ReactNode;
}

/** An option's id, for the textarea's aria-activedescendant. */
export function listboxOptionId(listId: string, item: { id: string }): string {
  return `${listId}-${item.id}`;
}

/**
 * A picker list that opens from the composer (`/` canned replies, `@` mentions). Focus stays in
 * the textarea, which owns the keys (arrows, Enter, Esc); a click picks without moving focus.
 */
export function ComposerListbox<T extends { id: string }>(props: ComposerListboxProps<T>) {
  const { id, block, matches, activeIndex, onPick } = props;
  return (
    <div className={block} data-testid={block}>
      {matches.length === 0 ? (
        <p className={`${block}__empty`} role="status">
          {props.empty}
        </p>
      ) : (
        <ul id={id} className={`${block}__list`} role="listbox" aria-label={props.label}>
          {matches.map((item, index) => (
            <li
              key={item.id}
              id={listboxOptionId(id, item)}
              role="option"
              aria-selected={index === activeIndex}
              className={`${block}__option`}
              data-testid={props.optionTestId}
              onMouseDown={(event) => {
                event.preventDefault();
                onPick(item);
              }}
            >
              {props.renderOption(item)}
            </li>
          ))}
        </ul>
      )}
      <p className={`${block}__hint`}>{props.hint}</p>
    </div>
  );
}

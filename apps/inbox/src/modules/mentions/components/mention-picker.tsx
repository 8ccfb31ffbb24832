import { t } from '../../../i18n/i18n';
import type { Mentionable } from '../utils/match-operators';
import './mentions.css';

export interface MentionPickerProps {
  /** The listbox id, named by the textarea's aria-controls. */
  id: string;
  query: string;
  matches: readonly Mentionable[];
  activeIndex: number;
  onPick: (operator: Mentionable) => void;
}

/** The option's id, for the textarea's aria-activedescendant. */
export function mentionOptionId(listId: string, operator: Mentionable): string {
  return `${listId}-${operator.id}`;
}

/**
 * The `@` picker's list of colleagues. Focus stays in the composer's textarea, which owns the
 * keys: arrows move, Enter or Tab mentions, Esc closes (see useMentionPicker).
 */
export function MentionPicker({ id, query, matches, activeIndex, onPick }: MentionPickerProps) {
  return (
    <div className="mention-picker" data-testid="mention-picker">
      {matches.length === 0 ? (
        <p className="mention-picker__empty" role="status">
          {t('mention.picker.empty', { query })}
        </p>
      ) : (
        <ul
          id={id}
          className="mention-picker__list"
          role="listbox"
          aria-label={t('mention.picker.label')}
        >
          {matches.map((operator, index) => (
            <li
              key={operator.id}
              id={mentionOptionId(id, operator)}
              role="option"
              aria-selected={index === activeIndex}
              className="mention-picker__option"
              data-testid="mention-option"
              // Keep the textarea focused: a click picks, it does not move focus.
              onMouseDown={(event) => {
                event.preventDefault();
                onPick(operator);
              }}
            >
              <bdi>{operator.name}</bdi>
            </li>
          ))}
        </ul>
      )}
      <p className="mention-picker__hint">{t('mention.picker.hint')}</p>
    </div>
  );
}

import type { CannedReplyDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import './canned-replies.css';

export interface CannedPickerProps {
  /** The listbox id, named by the textarea's aria-controls. */
  id: string;
  query: string;
  matches: readonly CannedReplyDto[];
  activeIndex: number;
  onPick: (reply: CannedReplyDto) => void;
}

/** The option's id, for the textarea's aria-activedescendant. */
export function cannedOptionId(listId: string, reply: CannedReplyDto): string {
  return `${listId}-${reply.id}`;
}

/**
 * The `/` picker's list. Focus stays in the composer's textarea (typing keeps filtering), which
 * owns the keys: arrows move, Enter inserts, Esc closes (see useCannedPicker).
 */
export function CannedPicker({ id, query, matches, activeIndex, onPick }: CannedPickerProps) {
  return (
    <div className="canned-picker" data-testid="canned-picker">
      {matches.length === 0 ? (
        <p className="canned-picker__empty" role="status">
          {t('canned.picker.empty', { query })}
        </p>
      ) : (
        <ul
          id={id}
          className="canned-picker__list"
          role="listbox"
          aria-label={t('canned.picker.label')}
        >
          {matches.map((reply, index) => (
            <li
              key={reply.id}
              id={cannedOptionId(id, reply)}
              role="option"
              aria-selected={index === activeIndex}
              className="canned-picker__option"
              data-testid="canned-option"
              // Keep the textarea focused: a click picks, it does not move focus.
              onMouseDown={(event) => {
                event.preventDefault();
                onPick(reply);
              }}
            >
              <span className="canned-picker__shortcut">/{reply.shortcut}</span>
              <span className="canned-picker__title">
                <bdi>{reply.title}</bdi>
              </span>
              <span className="canned-picker__body">
                <bdi>{reply.body}</bdi>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="canned-picker__hint">{t('canned.picker.hint')}</p>
    </div>
  );
}

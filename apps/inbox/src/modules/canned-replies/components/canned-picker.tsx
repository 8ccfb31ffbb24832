import type { CannedReplyDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { ComposerListbox, listboxOptionId } from '../../../shared/ui/composer-listbox';
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
export const cannedOptionId = (listId: string, reply: CannedReplyDto): string =>
  listboxOptionId(listId, reply);

/** The `/` picker's list; the keys are handled by useCannedPicker. */
export function CannedPicker({ id, query, matches, activeIndex, onPick }: CannedPickerProps) {
  return (
    <ComposerListbox
      id={id}
      block="canned-picker"
      optionTestId="canned-option"
      label={t('canned.picker.label')}
      empty={t('canned.picker.empty', { query })}
      hint={t('canned.picker.hint')}
      matches={matches}
      activeIndex={activeIndex}
      onPick={onPick}
      renderOption={(reply) => (
        <>
          <span className="canned-picker__shortcut">/{reply.shortcut}</span>
          <span className="canned-picker__title">
            <bdi>{reply.title}</bdi>
          </span>
          <span className="canned-picker__body">
            <bdi>{reply.body}</bdi>
          </span>
        </>
      )}
    />
  );
}

import { t } from '../../../i18n/i18n';
import { ComposerListbox, listboxOptionId } from '../../../shared/ui/composer-listbox';
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
export const mentionOptionId = (listId: string, operator: Mentionable): string =>
  listboxOptionId(listId, operator);

/** The `@` picker's list of colleagues; the keys are handled by useMentionPicker. */
export function MentionPicker({ id, query, matches, activeIndex, onPick }: MentionPickerProps) {
  return (
    <ComposerListbox
      id={id}
      block="mention-picker"
      optionTestId="mention-option"
      label={t('mention.picker.label')}
      empty={t('mention.picker.empty', { query })}
      hint={t('mention.picker.hint')}
      matches={matches}
      activeIndex={activeIndex}
      onPick={onPick}
      renderOption={(operator) => <bdi>{operator.name}</bdi>}
    />
  );
}

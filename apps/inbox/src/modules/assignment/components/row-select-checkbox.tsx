import { t } from '../../../i18n/i18n';
import { useFeedStore } from '../../feed/store/feed-store';
import { useListSelectionStore } from '../store/list-selection-store';

/** A list row's checkbox for bulk actions; Shift-click selects the range from the last one. */
export function RowSelectCheckbox({
  conversationId,
  name,
}: {
  conversationId: string;
  name: string;
}) {
  const checked = useListSelectionStore((s) => s.ids.includes(conversationId));
  return (
    <label className="feed-select">
      <input
        type="checkbox"
        data-testid="feed-row-select"
        checked={checked}
        aria-label={t('assignment.select_row', { name })}
        onChange={() => undefined}
        onClick={(e) =>
          useListSelectionStore
            .getState()
            .toggle(conversationId, e.shiftKey, useFeedStore.getState().order)
        }
      />
    </label>
  );
}

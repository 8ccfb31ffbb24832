import { t, tp } from '../../../i18n/i18n';
import { assignToMe } from '../store/assign-commands';
import { useAssignPickerStore } from '../store/assign-picker-store';
import { useListSelectionStore } from '../store/list-selection-store';
import '../assignment.css';

/** Shown while rows are ticked in the list: assign them all at once, or clear the selection. */
export function BulkAssignBar() {
  const ids = useListSelectionStore((s) => s.ids);
  if (ids.length === 0) return null;
  return (
    <div
      className="bulk-assign-bar"
      role="toolbar"
      aria-label={t('assignment.bulk_label')}
      data-testid="bulk-assign-bar"
    >
      <span className="bulk-assign-bar__count" data-testid="bulk-selected-count">
        {tp('assignment.selected', ids.length)}
      </span>
      <button
        type="button"
        className="button button--small button--primary"
        data-testid="bulk-assign"
        onClick={() => useAssignPickerStore.getState().open(ids)}
      >
        {t('assignment.assign')}
      </button>
      <button
        type="button"
        className="button button--small"
        data-testid="bulk-assign-me"
        onClick={() => void assignToMe(ids)}
      >
        {t('assignment.assign_me')}
      </button>
      <button
        type="button"
        className="button button--small button--ghost"
        onClick={() => useListSelectionStore.getState().clear()}
      >
        {t('assignment.clear_selection')}
      </button>
    </div>
  );
}

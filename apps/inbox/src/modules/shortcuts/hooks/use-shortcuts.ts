import { useEffect } from 'react';
import {
  closeConversation,
  openConversation,
  stepSelection,
} from '../../conversation/store/conversation-commands';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { assignToMe } from '../../assignment/store/assign-commands';
import { useAssignPickerStore } from '../../assignment/store/assign-picker-store';
import { useOverlayStore } from '../store/overlay-store';
import { isEditableTarget, resolveShortcut, type ShortcutAction } from '../utils/resolve-shortcut';

function selectedSummary() {
  const { selectedId, summaries } = useConversationStore.getState();
  return selectedId ? summaries[selectedId] : undefined;
}

/** Esc peels one layer at a time: menu, dialog, text field, then the open conversation. */
function back(): void {
  const overlays = useOverlayStore.getState();
  if (overlays.snoozeMenuOpen) return overlays.setSnoozeMenuOpen(false);
  if (useAssignPickerStore.getState().targets) return useAssignPickerStore.getState().close();
  if (overlays.helpOpen) return overlays.setHelpOpen(false);
  const active = document.activeElement;
  if (active instanceof HTMLElement && isEditableTarget(active)) return active.blur();
  openConversation(null);
}

const RUN: Record<ShortcutAction, () => void> = {
  next: () => stepSelection(1),
  previous: () => stepSelection(-1),
  close: () => {
    const summary = selectedSummary();
    if (summary && summary.status !== 'closed') void closeConversation(summary.id);
  },
  snooze: () => {
    const summary = selectedSummary();
    if (summary && summary.status !== 'closed') useOverlayStore.getState().setSnoozeMenuOpen(true);
  },
  reply: () => {
    if (selectedSummary()) useOverlayStore.getState().requestReplyFocus();
  },
  assign: () => {
    const summary = selectedSummary();
    if (summary) useAssignPickerStore.getState().open([summary.id]);
  },
  assign_me: () => {
    const summary = selectedSummary();
    if (summary) void assignToMe([summary.id]);
  },
  back,
  help: () => useOverlayStore.getState().setHelpOpen(!useOverlayStore.getState().helpOpen),
};

/** Binds the global keyboard shortcuts for the signed-in app. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = resolveShortcut({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inEditable: isEditableTarget(event.target),
        isComposing: event.isComposing,
      });
      if (!action) return;
      // While a menu or dialog is open only Esc and its own keys apply.
      const overlays = useOverlayStore.getState();
      const pickerOpen = useAssignPickerStore.getState().targets !== null;
      if (
        (overlays.snoozeMenuOpen || overlays.helpOpen || pickerOpen) &&
        action !== 'back' &&
        action !== 'help'
      )
        return;
      event.preventDefault();
      RUN[action]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

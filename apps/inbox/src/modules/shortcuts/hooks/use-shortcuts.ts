import { useEffect } from 'react';
import {
  closeConversation,
  openConversation,
  stepSelection,
} from '../../conversation/store/conversation-commands';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { assignToMe } from '../../assignment/store/assign-commands';
import { useAssignPickerStore } from '../../assignment/store/assign-picker-store';
import { usePaletteStore } from '../../command-palette/store/palette-store';
import { useOverlayStore } from '../store/overlay-store';
import {
  isEditableTarget,
  resolveShortcut,
  type KeyInput,
  type ShortcutAction,
} from '../utils/resolve-shortcut';

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
  palette: () => usePaletteStore.getState().toggle(),
};

function keyInput(event: KeyboardEvent): KeyInput {
  return {
    key: event.key,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    altKey: event.altKey,
    inEditable: isEditableTarget(event.target),
    isComposing: event.isComposing,
  };
}

/** A menu, dialog or picker is open: it owns the keyboard until it closes. */
function overlayOpen(): boolean {
  const overlays = useOverlayStore.getState();
  return (
    overlays.snoozeMenuOpen || overlays.helpOpen || useAssignPickerStore.getState().targets !== null
  );
}

/** Binds the global keyboard shortcuts for the signed-in app. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = resolveShortcut(keyInput(event));
      // The palette has its own listener; while it is open it handles its own keys.
      if (!action || action === 'palette' || usePaletteStore.getState().open) return;
      // While a menu or dialog is open only Esc and its own keys apply.
      if (overlayOpen() && action !== 'back' && action !== 'help') return;
      event.preventDefault();
      RUN[action]();
    };
    // Ctrl+K is caught on the way down, so fields that keep their keys to themselves (the search
    // box, the composer) still open the palette, and no field sees it.
    const onPaletteKey = (event: KeyboardEvent) => {
      if (resolveShortcut(keyInput(event)) !== 'palette') return;
      if (!usePaletteStore.getState().open && overlayOpen()) return;
      event.preventDefault();
      event.stopPropagation();
      RUN.palette();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keydown', onPaletteKey, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keydown', onPaletteKey, true);
    };
  }, []);
}

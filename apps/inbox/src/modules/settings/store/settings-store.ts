import type { InboxDto } from '@switchboard/contracts';
import { create } from 'zustand';
import { inboxesAdminApi } from '../api/inboxes-admin-api';
import type { EditableKind } from '../utils/inbox-forms';

/** What the right-hand side shows: a stored inbox, or the form for a new one of a kind. */
export type SettingsSelection = { inboxId: string } | { newKind: EditableKind } | null;

interface SettingsState {
  open: boolean;
  inboxes: InboxDto[];
  loading: boolean;
  loadError: string | null;
  selection: SettingsSelection;
  setOpen: (open: boolean) => void;
  select: (selection: SettingsSelection) => void;
  load: () => Promise<void>;
  /** Puts a saved inbox into the list (in place, or appended when new) and selects it. */
  saved: (inbox: InboxDto) => void;
}

export const useSettingsStore = create<SettingsState>((set, get) => ({
  open: false,
  inboxes: [],
  loading: false,
  loadError: null,
  selection: null,

  setOpen: (open) => set({ open }),
  select: (selection) => set({ selection }),

  load: async () => {
    set({ loading: true, loadError: null });
    try {
      const inboxes = await inboxesAdminApi.list();
      const { selection } = get();
      set({
        inboxes,
        loading: false,
        selection: selection ?? (inboxes[0] ? { inboxId: inboxes[0].id } : null),
      });
    } catch (error) {
      set({ loading: false, loadError: error instanceof Error ? error.message : String(error) });
    }
  },

  saved: (inbox) =>
    set((s) => ({
      inboxes: s.inboxes.some((i) => i.id === inbox.id)
        ? s.inboxes.map((i) => (i.id === inbox.id ? inbox : i))
        : [...s.inboxes, inbox],
      selection: { inboxId: inbox.id },
    })),
}));

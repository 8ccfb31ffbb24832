import type { InboxDto } from '@switchboard/contracts';
import { create } from 'zustand';
import { useAuthStore } from '../../auth/store/auth-store';
import { inboxesAdminApi } from '../api/inboxes-admin-api';
import type { EditableKind } from '../utils/channel-forms';
import { errorText } from '../../../shared/api/error-text';

/** What the right-hand side shows: a stored inbox, or the form for a new one of a kind. */
export type SettingsSelection =
  | { inboxId: string }
  | { newKind: EditableKind }
  | { auditLog: true }
  | { cannedReplies: true }
  | { people: true }
  | { tags: true }
  | { contactAttributes: true }
  | { teams: true }
  | { webhooks: true }
  | { portal: true }
  | null;

interface SettingsState {
  open: boolean;
  inboxes: InboxDto[];
  loading: boolean;
  loadError: string | null;
  selection: SettingsSelection;
  /** The inbox just created: its form, mounted fresh, still says so. */
  justCreatedId: string | null;
  setOpen: (open: boolean) => void;
  select: (selection: SettingsSelection) => void;
  load: () => Promise<void>;
  /** Puts a saved inbox into the list (in place, or appended when new) and selects it. */
  saved: (inbox: InboxDto) => void;
  /** Drops a removed inbox from the list and shows the first one left. */
  removed: (inboxId: string) => void;
  reset: () => void;
}

const INITIAL = {
  open: false,
  inboxes: [],
  loading: false,
  loadError: null,
  selection: null,
  justCreatedId: null,
} satisfies Partial<SettingsState>;

export const useSettingsStore = create<SettingsState>((set, get) => ({
  ...INITIAL,

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
      set({ loading: false, loadError: errorText(error) });
    }
  },

  saved: (inbox) =>
    set((s) => {
      const known = s.inboxes.some((i) => i.id === inbox.id);
      return {
        inboxes: known
          ? s.inboxes.map((i) => (i.id === inbox.id ? inbox : i))
          : [...s.inboxes, inbox],
        selection: { inboxId: inbox.id },
        justCreatedId: known ? s.justCreatedId : inbox.id,
      };
    }),

  removed: (inboxId) =>
    set((s) => {
      const inboxes = s.inboxes.filter((i) => i.id !== inboxId);
      const shown =
        s.selection !== null && 'inboxId' in s.selection && s.selection.inboxId === inboxId;
      return {
        inboxes,
        selection: shown ? (inboxes[0] ? { inboxId: inboxes[0].id } : null) : s.selection,
        justCreatedId: s.justCreatedId === inboxId ? null : s.justCreatedId,
      };
    }),

  reset: () => set(INITIAL),
}));

// A later sign-in (maybe another operator) starts on the conversations, not on these settings.
useAuthStore.subscribe((state, previous) => {
  if (state.phase !== 'signed_in' && previous.phase === 'signed_in')
    useSettingsStore.getState().reset();
});

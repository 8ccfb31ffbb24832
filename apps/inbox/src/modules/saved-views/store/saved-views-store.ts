import type {
  CreateSavedViewRequest,
  SavedViewDto,
  UpdateSavedViewRequest,
} from '@switchboard/contracts';
import { create } from 'zustand';
import { savedViewsApi } from '../api/saved-views-api';

interface SavedViewsState {
  /** The caller's views and the account's shared ones, in sidebar order (pinned first). */
  views: SavedViewDto[];
  /** Live count per pinned view (null: not counted). */
  counts: Record<string, number | null>;
  loaded: boolean;
  load: () => Promise<void>;
  /** Re-fetches the counts; calls made while one is running fold into one more after it. */
  refreshCounts: () => Promise<void>;
  create: (body: CreateSavedViewRequest) => Promise<SavedViewDto>;
  update: (id: string, body: UpdateSavedViewRequest) => Promise<SavedViewDto>;
  remove: (id: string) => Promise<void>;
  reset: () => void;
}

/** The server's sidebar order, so a change shows where a reload would put it. */
function sorted(views: SavedViewDto[]): SavedViewDto[] {
  return [...views].sort(
    (a, b) =>
      Number(b.pinned) - Number(a.pinned) ||
      a.position - b.position ||
      a.name.toLowerCase().localeCompare(b.name.toLowerCase()) ||
      a.id.localeCompare(b.id),
  );
}

function sameIds(a: Iterable<string>, b: Iterable<string>): boolean {
  const left = [...a].sort();
  const right = [...b].sort();
  return left.length === right.length && left.every((id, i) => id === right[i]);
}

let inFlight: Promise<void> | null = null;
let again = false;

export const useSavedViewsStore = create<SavedViewsState>((set, get) => ({
  views: [],
  counts: {},
  loaded: false,

  load: async () => {
    try {
      set({ views: sorted(await savedViewsApi.list()), loaded: true });
    } catch {
      // The section stays as it was; the next reconnect or change loads it again.
    }
    await get().refreshCounts();
  },

  refreshCounts: () => {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = (async () => {
      try {
        do {
          again = false;
          const { counts } = await savedViewsApi.counts();
          set({ counts });
          // A colleague shared, unpinned or deleted a view: the counts name other views than we
          // list, so take the list again (views themselves are not on the stream).
          const pinned = get()
            .views.filter((v) => v.pinned)
            .map((v) => v.id);
          if (!sameIds(Object.keys(counts), pinned))
            set({ views: sorted(await savedViewsApi.list()) });
        } while (again);
      } catch {
        // Counts are decoration; the next change or reconnect refreshes them.
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  },

  create: async (body) => {
    const view = await savedViewsApi.create(body);
    set({ views: sorted([...get().views, view]) });
    void get().refreshCounts();
    return view;
  },

  update: async (id, body) => {
    const view = await savedViewsApi.update(id, body);
    // An admin who makes a colleague's view personal again no longer sees it.
    const stillMine = view.shared || view.editable;
    const views = get().views.flatMap((v) => (v.id !== id ? [v] : stillMine ? [view] : []));
    set({ views: sorted(views) });
    void get().refreshCounts();
    return view;
  },

  remove: async (id) => {
    await savedViewsApi.remove(id);
    const counts = { ...get().counts };
    delete counts[id];
    set({ views: get().views.filter((v) => v.id !== id), counts });
  },

  reset: () => set({ views: [], counts: {}, loaded: false }),
}));

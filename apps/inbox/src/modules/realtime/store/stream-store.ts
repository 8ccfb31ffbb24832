import { create } from 'zustand';

export type ConnectionStatus = 'idle' | 'connecting' | 'catching_up' | 'live' | 'reconnecting';

interface StreamState {
  /** Cursor of the last stream event applied; sent on reconnect so the server replays the rest. */
  lastCursor: number | null;
  status: ConnectionStatus;
  setStatus: (status: ConnectionStatus) => void;
  /** Returns false when the cursor was already applied (replays after a reconnect are normal). */
  advance: (cursor: number) => boolean;
  resetTo: (cursor: number) => void;
  clear: () => void;
}

export const useStreamStore = create<StreamState>((set, get) => ({
  lastCursor: null,
  status: 'idle',
  setStatus: (status) => set({ status }),
  advance: (cursor) => {
    const last = get().lastCursor;
    if (last !== null && cursor <= last) return false;
    set({ lastCursor: cursor });
    return true;
  },
  // The server's position after a fresh start or a reset: what comes next applies on top of it.
  resetTo: (cursor) => set({ lastCursor: cursor }),
  clear: () => set({ lastCursor: null, status: 'idle' }),
}));

/** Cursor to stamp a REST snapshot with: events after it win over the snapshot. */
export function snapshotCursor(): number {
  return useStreamStore.getState().lastCursor ?? -1;
}

import type {
  RoutingOperatorLoadDto,
  RoutingQueueEntryDto,
  TeamRoutingDto,
} from '@switchboard/contracts';
import { create } from 'zustand';
import { routingApi } from '../api/routing-api';
import { errorText } from '../../../shared/api/error-text';

interface RoutingState {
  teams: TeamRoutingDto[];
  queue: RoutingQueueEntryDto[];
  loads: RoutingOperatorLoadDto[];
  loadError: string | null;
  /** Re-reads the queue and the load (the stream said a queue changed, or a panel opened). */
  refresh: () => Promise<void>;
  loadTeams: () => Promise<void>;
  receiveTeam: (team: TeamRoutingDto) => void;
}

const message = (error: unknown) => errorText(error);

/** The queues, operators' load and teams' routing settings, as the server last said. */
export const useRoutingStore = create<RoutingState>((set) => ({
  teams: [],
  queue: [],
  loads: [],
  loadError: null,

  refresh: async () => {
    try {
      const [queue, loads] = await Promise.all([routingApi.queue(), routingApi.operators()]);
      set({ queue, loads, loadError: null });
    } catch (error) {
      set({ loadError: message(error) });
    }
  },

  loadTeams: async () => {
    try {
      set({ teams: await routingApi.teams(), loadError: null });
    } catch (error) {
      set({ loadError: message(error) });
    }
  },

  receiveTeam: (team) =>
    set((s) => ({
      teams: s.teams.some((t) => t.teamId === team.teamId)
        ? s.teams.map((t) => (t.teamId === team.teamId ? team : t))
        : [...s.teams, team],
    })),
}));

let refreshTimer: ReturnType<typeof setTimeout> | null = null;

/** Many queue changes in a burst (a drain) become one re-read. */
export function queueChanged(): void {
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    void useRoutingStore.getState().refresh();
  }, 150);
}

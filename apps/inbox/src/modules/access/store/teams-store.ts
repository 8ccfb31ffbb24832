import type { TeamDto } from '@switchboard/contracts';
import { create } from 'zustand';
import { accessApi } from '../api/access-api';
import { errorText } from '../../../shared/api/error-text';

interface TeamsState {
  teams: TeamDto[];
  loading: boolean;
  loadError: string | null;
  load: () => Promise<void>;
  /** A team as the server now has it (after a change), in name order. */
  receive: (team: TeamDto) => void;
  remove: (id: string) => void;
}

const byName = (a: TeamDto, b: TeamDto) => a.name.localeCompare(b.name);

/** The account's teams, for the teams settings and the inbox access form. */
export const useTeamsStore = create<TeamsState>((set) => ({
  teams: [],
  loading: false,
  loadError: null,

  load: async () => {
    set({ loading: true, loadError: null });
    try {
      set({ teams: (await accessApi.listTeams()).sort(byName), loading: false });
    } catch (error) {
      set({ loading: false, loadError: errorText(error) });
    }
  },

  receive: (team) =>
    set((s) => ({
      teams: [...s.teams.filter((t) => t.id !== team.id), team].sort(byName),
    })),

  remove: (id) => set((s) => ({ teams: s.teams.filter((t) => t.id !== id) })),
}));

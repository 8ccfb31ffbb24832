import type { TeamMemberDto } from '@switchboard/contracts';
import { create } from 'zustand';
import { peopleApi } from '../api/people-api';
import { errorText } from '../../../shared/api/error-text';

interface PeopleState {
  members: TeamMemberDto[];
  /** Loaded once: from then on the stream keeps it current (before, an event alone is no list). */
  loaded: boolean;
  loading: boolean;
  loadError: string | null;
  load: () => Promise<void>;
  /** A member as the server now has them (an answer, or `operator.updated` from the stream). */
  receive: (member: TeamMemberDto) => void;
  reset: () => void;
}

const byName = (a: TeamMemberDto, b: TeamMemberDto) => a.name.localeCompare(b.name);

/** The account's operators with role, status and presence, kept live by the stream. */
export const usePeopleStore = create<PeopleState>((set) => ({
  members: [],
  loaded: false,
  loading: false,
  loadError: null,

  load: async () => {
    set({ loading: true, loadError: null });
    try {
      set({ members: (await peopleApi.list()).sort(byName), loaded: true, loading: false });
    } catch (error) {
      set({ loading: false, loadError: errorText(error) });
    }
  },

  receive: (member) =>
    set((s) => {
      if (!s.loaded) return {};
      const known = s.members.some((m) => m.id === member.id);
      return {
        members: known
          ? s.members.map((m) => (m.id === member.id ? member : m))
          : [...s.members, member].sort(byName),
      };
    }),

  reset: () => set({ members: [], loaded: false, loading: false, loadError: null }),
}));

import type { OperatorDto, PresenceStatus } from '@switchboard/contracts';
import { create } from 'zustand';
import { setTimeZone } from '../../../i18n/format';
import { setLocale } from '../../../i18n/i18n';
import { configureHttp } from '../../../shared/api/http-client';
import { authApi } from '../api/auth-api';

const TOKEN_KEY = 'switchboard.token';

export type AuthPhase = 'restoring' | 'signed_out' | 'signed_in';

interface AuthState {
  token: string | null;
  operator: OperatorDto | null;
  phase: AuthPhase;
  presence: PresenceStatus;
  login: (email: string, password: string) => Promise<void>;
  restore: () => Promise<void>;
  logout: () => Promise<void>;
  /** Local sign-out when the server no longer accepts the token. */
  expire: () => void;
  setPresence: (presence: PresenceStatus) => void;
}

function readToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function writeToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Private mode without storage: the session lasts as long as the tab.
  }
}

function applyOperatorPreferences(operator: OperatorDto): void {
  setLocale(operator.locale);
  setTimeZone(operator.timezone);
}

export const useAuthStore = create<AuthState>((set, get) => ({
  token: readToken(),
  operator: null,
  phase: 'restoring',
  presence: 'online',

  login: async (email, password) => {
    const { token, operator } = await authApi.login({ email, password });
    writeToken(token);
    applyOperatorPreferences(operator);
    set({ token, operator, phase: 'signed_in', presence: 'online' });
  },

  restore: async () => {
    if (!get().token) {
      set({ phase: 'signed_out' });
      return;
    }
    try {
      const operator = await authApi.me();
      applyOperatorPreferences(operator);
      set({ operator, phase: 'signed_in' });
    } catch {
      get().expire();
    }
  },

  logout: async () => {
    try {
      await authApi.logout();
    } catch {
      // Signing out locally matters more than telling the server.
    }
    get().expire();
  },

  expire: () => {
    writeToken(null);
    set({ token: null, operator: null, phase: 'signed_out' });
  },

  setPresence: (presence) => set({ presence }),
}));

configureHttp({
  getToken: () => useAuthStore.getState().token,
  onUnauthorized: () => useAuthStore.getState().expire(),
});

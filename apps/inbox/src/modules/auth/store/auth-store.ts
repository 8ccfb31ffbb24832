import type { OperatorDto, PresenceStatus, SessionDto } from '@switchboard/contracts';
import { create } from 'zustand';
import { setTimeZone } from '../../../i18n/format';
import { loadLocale } from '../../../i18n/i18n';
import { configureHttp } from '../../../shared/api/http-client';
import { saveAdoptedTimeZone, timeZoneToAdopt } from '../../people/utils/browser-time-zone';
import { authApi } from '../api/auth-api';

/** Where earlier versions kept the bearer token; removed so no session lingers in storage. */
const LEGACY_TOKEN_KEY = 'switchboard.token';

export type AuthPhase = 'restoring' | 'signed_out' | 'signed_in';

interface AuthState {
  /**
   * The session itself lives in an HttpOnly cookie page scripts cannot read. This is its CSRF
   * token, kept in memory only: sent with every change and the socket handshake, and a new one
   * with every sign-in.
   */
  csrfToken: string | null;
  operator: OperatorDto | null;
  phase: AuthPhase;
  presence: PresenceStatus;
  login: (email: string, password: string) => Promise<void>;
  /** Accepts an invitation: the new operator is signed in like after a login. */
  acceptInvitation: (token: string, name: string, password: string) => Promise<void>;
  restore: () => Promise<void>;
  logout: () => Promise<void>;
  /** Local sign-out when the server no longer accepts the session. */
  expire: () => void;
  setPresence: (presence: PresenceStatus) => void;
}

function forgetLegacyToken(): void {
  try {
    localStorage.removeItem(LEGACY_TOKEN_KEY);
  } catch {
    // No storage (private mode): nothing was kept there either.
  }
}

/** Switches language (its catalog loaded first, so the inbox never paints half-translated) and clock. */
async function applyOperatorPreferences(operator: OperatorDto): Promise<void> {
  await loadLocale(operator.locale);
  setTimeZone(operator.timezone);
}

export const useAuthStore = create<AuthState>((set, get) => {
  const signIn = async (session: SessionDto) => {
    // A profile without a chosen zone takes the browser's, and keeps it (saved once signed in).
    const adopted = timeZoneToAdopt(session.operator);
    const operator = adopted ? { ...session.operator, timezone: adopted } : session.operator;
    await applyOperatorPreferences(operator);
    set({ csrfToken: session.csrfToken, operator, phase: 'signed_in' });
    if (adopted) void saveAdoptedTimeZone(operator.id, adopted);
  };
  return {
    csrfToken: null,
    operator: null,
    phase: 'restoring',
    presence: 'online',

    login: async (email, password) => {
      await signIn(await authApi.login(email, password));
      set({ presence: 'online' });
    },

    acceptInvitation: async (token, name, password) => {
      await signIn(await authApi.acceptInvitation(token, name, password));
      set({ presence: 'online' });
    },

    restore: async () => {
      forgetLegacyToken();
      try {
        await signIn(await authApi.session());
      } catch {
        set({ csrfToken: null, operator: null, phase: 'signed_out' });
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

    expire: () => set({ csrfToken: null, operator: null, phase: 'signed_out' }),

    setPresence: (presence) => set({ presence }),
  };
});

configureHttp({
  getCsrfToken: () => useAuthStore.getState().csrfToken,
  onUnauthorized: () => useAuthStore.getState().expire(),
});

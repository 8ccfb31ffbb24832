import type {
  ChangePasswordRequest,
  InvitationPreviewDto,
  OperatorDto,
  SessionDto,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

export const authApi = {
  /** A cookie session: the token stays in an HttpOnly cookie, the answer carries the CSRF token. */
  login: (email: string, password: string) =>
    apiRequest<SessionDto>('POST', '/api/auth/login', {
      body: { email, password, session: 'cookie' },
    }),
  /** Resumes after a reload: who is signed in (by the cookie) and the session's CSRF token. */
  session: () => apiRequest<SessionDto>('GET', '/api/auth/session'),
  me: () => apiRequest<OperatorDto>('GET', '/api/auth/me'),
  logout: () => apiRequest<unknown>('POST', '/api/auth/logout'),
  changePassword: (body: ChangePasswordRequest) =>
    apiRequest<unknown>('POST', '/api/auth/password', { body }),
  previewInvitation: (token: string) =>
    apiRequest<InvitationPreviewDto>('POST', '/api/invitations/preview', { body: { token } }),
  /** Joins the account and starts a cookie session, as login does. */
  acceptInvitation: (token: string, name: string, password: string) =>
    apiRequest<SessionDto>('POST', '/api/invitations/accept', {
      body: { token, name, password, session: 'cookie' },
    }),
};

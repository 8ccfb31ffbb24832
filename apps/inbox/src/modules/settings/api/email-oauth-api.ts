import type {
  CompleteEmailOAuthRequest,
  EmailOAuthStartDto,
  InboxDto,
  StartEmailOAuthRequest,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

/** "Connect Google/Microsoft": where to send the browser, and finishing when it comes back. */
export const emailOAuthApi = {
  start: (body: StartEmailOAuthRequest) =>
    apiRequest<EmailOAuthStartDto>('POST', '/api/email-oauth/authorizations', { body }),
  complete: (body: CompleteEmailOAuthRequest) =>
    apiRequest<InboxDto>('POST', '/api/email-oauth/callback', { body }),
};

import type {
  ConversationTimeDto,
  InboxTimeRateDto,
  InboxTimeRateRequest,
  TimeAdjustmentRequest,
  TimeHeartbeatDto,
} from '@switchboard/contracts';
import { apiRequest, sessionHeaders } from '../../../shared/api/http-client';

const time = (conversationId: string) =>
  `/api/conversations/${encodeURIComponent(conversationId)}/time`;
const rate = (inboxId: string) => `/api/inboxes/${encodeURIComponent(inboxId)}/time-rate`;

export const timeApi = {
  get: (conversationId: string) => apiRequest<ConversationTimeDto>('GET', time(conversationId)),
  heartbeat: (conversationId: string, seconds: number) =>
    apiRequest<TimeHeartbeatDto>('POST', `${time(conversationId)}/heartbeat`, {
      body: { seconds },
    }),
  /**
   * The last heartbeat, as the page goes away. `sendBeacon` cannot carry the CSRF header the
   * session cookie needs, so this is a fetch with `keepalive`, which outlives the page.
   */
  finalHeartbeat: (conversationId: string, seconds: number): void => {
    void fetch(`${time(conversationId)}/heartbeat`, {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', ...sessionHeaders('POST') },
      body: JSON.stringify({ seconds }),
    }).catch(() => undefined);
  },
  adjust: (conversationId: string, body: TimeAdjustmentRequest) =>
    apiRequest<ConversationTimeDto>('POST', `${time(conversationId)}/adjustments`, { body }),
  rate: (inboxId: string) => apiRequest<InboxTimeRateDto>('GET', rate(inboxId)),
  setRate: (inboxId: string, body: InboxTimeRateRequest) =>
    apiRequest<InboxTimeRateDto>('PUT', rate(inboxId), { body }),
};

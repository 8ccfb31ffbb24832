import type {
  BulkAssignResultDto,
  ConversationParticipantsDto,
  ConversationSummaryDto,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

/** What to set: the operator, the team, or both (undefined: leave as it is). */
export interface AssignmentChange {
  assigneeId?: string | null;
  teamId?: string | null;
}

const base = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

export const assignmentApi = {
  assign: (id: string, assigneeId: string | null) =>
    apiRequest<ConversationSummaryDto>('POST', `${base(id)}/assign`, { body: { assigneeId } }),
  /** The list selection, all or nothing; a side left undefined stays as it is. */
  assignMany: (conversationIds: string[], change: AssignmentChange) =>
    apiRequest<BulkAssignResultDto>('POST', '/api/conversations/assign', {
      body: { conversationIds, ...change },
    }),
  participants: (id: string) =>
    apiRequest<ConversationParticipantsDto>('GET', `${base(id)}/participants`),
  follow: (id: string) => apiRequest<ConversationParticipantsDto>('POST', `${base(id)}/follow`),
  unfollow: (id: string) => apiRequest<ConversationParticipantsDto>('DELETE', `${base(id)}/follow`),
};

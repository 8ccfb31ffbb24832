import type {
  HandBackResultDto,
  RoutingOperatorLoadDto,
  RoutingQueueEntryDto,
  TeamRoutingDto,
  UpdateTeamRoutingRequest,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

/** Fair routing: team settings (admins change them), the queues, load, hand-back. */
export const routingApi = {
  teams: () => apiRequest<TeamRoutingDto[]>('GET', '/api/routing/teams'),
  updateTeam: (teamId: string, body: UpdateTeamRoutingRequest) =>
    apiRequest<TeamRoutingDto>('PUT', `/api/routing/teams/${teamId}`, { body }),
  queue: () => apiRequest<RoutingQueueEntryDto[]>('GET', '/api/routing/queue'),
  operators: () => apiRequest<RoutingOperatorLoadDto[]>('GET', '/api/routing/operators'),
  handBack: () => apiRequest<HandBackResultDto>('POST', '/api/routing/hand-back'),
};

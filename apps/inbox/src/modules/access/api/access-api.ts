import type { InboxAccessDto, SetInboxAccessRequest, TeamDto } from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

/** Teams and who may work each inbox (admin-managed; everyone reads the teams). */
export const accessApi = {
  listTeams: () => apiRequest<TeamDto[]>('GET', '/api/teams'),
  createTeam: (name: string) => apiRequest<TeamDto>('POST', '/api/teams', { body: { name } }),
  renameTeam: (id: string, name: string) =>
    apiRequest<TeamDto>('PATCH', `/api/teams/${id}`, { body: { name } }),
  deleteTeam: (id: string) => apiRequest<void>('DELETE', `/api/teams/${id}`),
  setTeamMembers: (id: string, operatorIds: string[]) =>
    apiRequest<TeamDto>('PUT', `/api/teams/${id}/members`, { body: { operatorIds } }),
  inboxAccess: (inboxId: string) =>
    apiRequest<InboxAccessDto>('GET', `/api/inboxes/${inboxId}/access`),
  setInboxAccess: (inboxId: string, body: SetInboxAccessRequest) =>
    apiRequest<InboxAccessDto>('PUT', `/api/inboxes/${inboxId}/access`, { body }),
};
